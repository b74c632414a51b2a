//! A small Yew storefront that takes a payment with iamport-pay.
//!
//! Product list → cart → checkout form with live validation → pay → result, plus the redirect
//! route a mobile payment window comes back to (`?route=redirect`). `index.html` installs the
//! package's sandbox IMP, so everything runs offline; put PortOne's SDK there instead for real
//! payments.
#![forbid(unsafe_code)]

#[path = "../../common/shop.rs"]
mod shop;

use iamport_pay::{Lang, Report};
use iamport_pay_yew::{use_redirect_result, use_request_pay, PayState};
use shop::{
    flag, issues_at, new_merchant_uid, other_issues, pay_options, t, won, Buyer, Cart, Checked,
    Order, Pg, CATALOG,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn main() {
    yew::Renderer::<App>::new().render();
}

/// `location.search`, or "" outside a browser.
fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// This page's URL without query: where the mobile payment window comes back to.
fn redirect_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    Some(format!("{origin}{path}?route=redirect"))
}

#[function_component]
fn App() -> Html {
    let lang = use_state(|| Lang::Ko);
    let toggle = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(match *lang {
                Lang::Ko => Lang::En,
                Lang::En => Lang::Ko,
            })
        })
    };
    let q = query();
    let page = if q.contains("route=redirect") {
        html! { <RedirectPage lang={*lang} /> }
    } else {
        html! { <Store lang={*lang} mobile={q.contains("mobile=1")} /> }
    };
    html! {
        <main data-framework="yew" data-ready="true">
            <header class="top">
                <h1>{ t(*lang, "러스트 커피", "Rust Coffee") }</h1>
                <span class="badge" data-testid="mode-badge">{ t(*lang, "샌드박스", "Sandbox") }</span>
                <button data-testid="lang-toggle" onclick={toggle}>{ t(*lang, "English", "한국어") }</button>
            </header>
            { page }
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct StoreProps {
    lang: Lang,
    mobile: bool,
}

#[function_component]
fn Store(props: &StoreProps) -> Html {
    let lang = props.lang;
    let cart = use_state(Cart::default);
    let buyer = use_state(Buyer::default);
    let pg = use_state(|| Pg::Inicis);
    let merchant_uid = use_state(new_merchant_uid);

    let m_redirect_url = if props.mobile { redirect_url() } else { None };
    let order = Order {
        pg: *pg,
        cart: &cart,
        buyer: &buyer,
        merchant_uid: &merchant_uid,
        lang,
        m_redirect_url: m_redirect_url.as_deref(),
    };
    // Live validation: the whole request is checked on every render (about a microsecond).
    let Checked {
        report,
        request,
        options: check,
    } = order.check();

    let add = |id: &'static str| {
        let cart = cart.clone();
        Callback::from(move |_| {
            let mut next = (*cart).clone();
            next.add(id);
            cart.set(next);
        })
    };
    let remove = |id: &'static str| {
        let cart = cart.clone();
        Callback::from(move |_| {
            let mut next = (*cart).clone();
            next.remove_one(id);
            cart.set(next);
        })
    };
    let edit = |set: fn(&mut Buyer, String)| {
        let buyer = buyer.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*buyer).clone();
            set(&mut next, input.value());
            buyer.set(next);
        })
    };

    // ANCHOR: pay
    // The component owns the payment: `state` is Idle, Paying, Paid, Failed, Unknown or
    // Error; `pay` is refused while one runs; unmounting cancels it.
    let (state, pay) = use_request_pay(pay_options(&check));
    let onpay = move |_: MouseEvent| {
        if let Some(request) = request.clone() {
            pay.emit(request); // the button is disabled while the report has errors
        }
    };
    // ANCHOR_END: pay

    // After an answer, the next attempt is a new order (one merchant_uid per request).
    let answered = state.result().is_some();
    use_effect_with(answered, move |answered| {
        if *answered {
            merchant_uid.set(new_merchant_uid());
        }
    });
    let can_pay = report.is_ok() && !cart.is_empty() && !state.is_paying();

    html! {
        <div class="store">
            <section class="products">
                <h2>{ t(lang, "상품", "Products") }</h2>
                <ul>
                    { for CATALOG.iter().map(|p| html! {
                        <li key={p.id} data-testid={format!("product-{}", p.id)}>
                            <span class="name">{ p.name(lang) }</span>
                            <span class="price">{ won(p.price, lang) }</span>
                            <button data-testid={format!("add-{}", p.id)} onclick={add(p.id)}>
                                { t(lang, "담기", "Add") }
                            </button>
                        </li>
                    }) }
                </ul>
            </section>

            <section class="cart">
                <h2>{ t(lang, "장바구니", "Cart") }</h2>
                if cart.is_empty() {
                    <p class="muted" data-testid="cart-empty">{ t(lang, "장바구니가 비어 있습니다", "Your cart is empty") }</p>
                }
                <ul>
                    { for cart.lines().iter().map(|(p, n)| html! {
                        <li key={p.id}>
                            <span class="name">{ p.name(lang) }</span>
                            <button data-testid={format!("remove-{}", p.id)} onclick={remove(p.id)}>{ "−" }</button>
                            <span data-testid={format!("qty-{}", p.id)}>{ n.to_string() }</span>
                            <button onclick={add(p.id)}>{ "+" }</button>
                        </li>
                    }) }
                </ul>
                <p class="total">{ t(lang, "합계 ", "Total ") }<b data-testid="cart-total">{ won(cart.total(), lang) }</b></p>
            </section>

            <section class="checkout">
                <h2>{ t(lang, "주문서", "Checkout") }</h2>
                <fieldset class="pgs">
                    <legend>{ t(lang, "결제대행사", "Payment gateway") }</legend>
                    { for Pg::ALL.into_iter().map(|p| {
                        let pg = pg.clone();
                        html! {
                            <label>
                                <input type="radio" name="pg" data-testid={format!("pg-{}", p.id())}
                                    checked={*pg == p} onchange={Callback::from(move |_| pg.set(p))} />
                                { p.label(lang) }
                            </label>
                        }
                    }) }
                </fieldset>
                <Field lang={lang} path="buyer_name" label={t(lang, "이름", "Name")}
                    value={buyer.name.clone()} oninput={edit(|b, v| b.name = v)} report={report.clone()} />
                <Field lang={lang} path="buyer_tel" label={t(lang, "휴대폰 번호", "Phone")}
                    value={buyer.tel.clone()} oninput={edit(|b, v| b.tel = v)} report={report.clone()} />
                <Field lang={lang} path="buyer_email" label={t(lang, "이메일", "Email")}
                    value={buyer.email.clone()} oninput={edit(|b, v| b.email = v)} report={report.clone()} />
                <ul class="issues" data-testid="issues-other">
                    { for other_issues(&report).map(|i| html! {
                        <li data-code={i.code.as_str()} data-path={i.path.clone()}>{ i.message(lang) }</li>
                    }) }
                </ul>
                <p class="status" data-testid="check-status" data-ok={report.is_ok().to_string()}>
                    { if report.is_ok() { t(lang, "확인 완료", "All checks pass").to_string() }
                      else { format!("{} {}", t(lang, "오류", "Errors:"), report.errors().count()) } }
                </p>
                <button class="pay" data-testid="pay-button" disabled={!can_pay} onclick={onpay}>
                    { format!("{} {}", won(cart.total(), lang), t(lang, "결제하기", "Pay")) }
                </button>
            </section>

            <ResultView lang={lang} state={state} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FieldProps {
    lang: Lang,
    path: &'static str,
    label: &'static str,
    value: String,
    oninput: Callback<InputEvent>,
    report: Report,
}

// ANCHOR: field
/// One input with the issues the checker reports at its path, in the page's language.
#[function_component]
fn Field(props: &FieldProps) -> Html {
    let issues: Vec<_> = issues_at(&props.report, props.path).collect();
    let invalid = issues.iter().any(|i| i.is_error());
    html! {
        <label class="field">
            <span>{ props.label }</span>
            <input data-testid={format!("input-{}", props.path)} value={props.value.clone()}
                oninput={props.oninput.clone()} aria-invalid={invalid.then_some("true")} />
            <ul class="issues" data-testid={format!("issues-{}", props.path)}>
                { for issues.iter().map(|i| html! {
                    <li data-code={i.code.as_str()}>{ i.message(props.lang) }</li>
                }) }
            </ul>
        </label>
    }
}
// ANCHOR_END: field

#[derive(Properties, PartialEq)]
struct ResultProps {
    lang: Lang,
    state: PayState,
}

#[function_component]
fn ResultView(props: &ResultProps) -> Html {
    let lang = props.lang;
    let (kind, body) = match &props.state {
        PayState::Idle => return html! {},
        PayState::Paying => (
            "pending",
            html! { <p>{ t(lang, "결제창이 열려 있습니다…", "The payment window is open…") }</p> },
        ),
        PayState::Error(e) => (
            "error",
            html! { <p data-testid="result-error">{ e.to_string() }</p> },
        ),
        PayState::Paid(r) | PayState::Failed(r) | PayState::Unknown(r) => {
            let kind = match &props.state {
                PayState::Paid(_) => "success",
                PayState::Failed(_) => "failure",
                _ => "unknown",
            };
            (
                kind,
                html! {
                    <dl>
                        <dt>{ "imp_uid" }</dt><dd data-testid="result-imp_uid">{ r.imp_uid.clone().unwrap_or_default() }</dd>
                        <dt>{ "merchant_uid" }</dt><dd data-testid="result-merchant_uid">{ r.merchant_uid.clone() }</dd>
                        <dt>{ "success" }</dt><dd data-testid="result-success">{ flag(r.success) }</dd>
                        if let Some(code) = &r.error_code {
                            <dt>{ "error_code" }</dt><dd data-testid="result-error_code">{ code }</dd>
                        }
                        if let Some(msg) = &r.error_msg {
                            <dt>{ "error_msg" }</dt><dd data-testid="result-error_msg">{ msg }</dd>
                        }
                    </dl>
                },
            )
        }
    };
    let title = match kind {
        "success" => t(lang, "결제 완료", "Payment complete"),
        "failure" => t(lang, "결제 실패", "Payment failed"),
        "unknown" => t(
            lang,
            "서버에서 결제를 조회하세요",
            "Look the payment up on the server",
        ),
        "error" => t(
            lang,
            "결제창을 열지 못했습니다",
            "Could not open the payment window",
        ),
        _ => t(lang, "결제 중", "Paying"),
    };
    html! {
        <section class="result" data-testid="result" data-outcome={kind}>
            <h2 data-testid="result-title">{ title }</h2>
            { body }
            <p class="muted" data-testid="verify-note">{ t(lang,
                "결제 금액은 서버에서 GET /payments/{imp_uid} 로 확인하세요.",
                "Verify the amount on your server with GET /payments/{imp_uid}.") }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RedirectProps {
    lang: Lang,
}

/// The route `m_redirect_url` points at.
#[function_component]
fn RedirectPage(props: &RedirectProps) -> Html {
    let lang = props.lang;
    // ANCHOR: redirect
    // The result PortOne put in the URL, and the order kept before the payment window
    // opened: taken once, on the first render.
    let landing = use_redirect_result();
    let pending = &landing.pending;
    // ANCHOR_END: redirect
    let result = match &landing.result {
        Ok(r) => r,
        Err(e) => {
            return html! {
                <section class="result" data-testid="redirect-outcome" data-outcome="invalid">
                    <p>{ e.to_string() }</p>
                </section>
            }
        }
    };
    let kind = match result.success {
        Some(true) => "success",
        Some(false) => "failure",
        None => "unknown",
    };
    html! {
        <section class="result" data-testid="redirect-outcome" data-outcome={kind}>
            <h2 data-testid="redirect-title">{ match kind {
                "success" => t(lang, "결제 완료", "Payment complete"),
                "failure" => t(lang, "결제 실패", "Payment failed"),
                _ => t(lang, "서버에서 결제를 조회하세요", "Look the payment up on the server"),
            } }</h2>
            <dl>
                <dt>{ "imp_uid" }</dt><dd data-testid="redirect-imp_uid">{ result.imp_uid.clone().unwrap_or_default() }</dd>
                <dt>{ "merchant_uid" }</dt><dd data-testid="redirect-merchant_uid">{ result.merchant_uid.clone() }</dd>
                <dt>{ "success" }</dt><dd data-testid="redirect-success">{ flag(result.success) }</dd>
                if let Some(code) = &result.error_code {
                    <dt>{ "error_code" }</dt><dd data-testid="redirect-error_code">{ code }</dd>
                }
            </dl>
            <div data-testid="pending-order" data-found={pending.is_some().to_string()}>
                if let Some(order) = pending {
                    <p>{ t(lang, "보관해 둔 주문", "The order kept for this payment") }</p>
                    <dl>
                        <dt>{ "name" }</dt><dd data-testid="pending-name">{ order.name.clone().unwrap_or_default() }</dd>
                        <dt>{ "amount" }</dt><dd data-testid="pending-amount">{ won(order.amount, lang) }</dd>
                    </dl>
                } else {
                    <p class="muted">{ t(lang, "보관된 주문이 없습니다", "No order kept for this payment") }</p>
                }
            </div>
            <a href="./" data-testid="back">{ t(lang, "쇼핑 계속하기", "Back to the store") }</a>
        </section>
    }
}
