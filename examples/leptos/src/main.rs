//! A small Leptos storefront that takes a payment with iamport-pay.
//!
//! Product list → cart → checkout form with live validation → pay → result, plus the redirect
//! route a mobile payment window comes back to (`?route=redirect`). State lives in signals, the
//! request and its report in one memo, and the payment is an action. `index.html` installs the
//! package's sandbox IMP, so everything runs offline; put PortOne's SDK there instead for real
//! payments.
#![forbid(unsafe_code)]

#[path = "../../common/shop.rs"]
mod shop;

use iamport_pay::{Issue, Lang, Report};
use iamport_pay_leptos::{use_redirect_result, use_request_pay, PayState};
use leptos::prelude::*;
use shop::{
    flag, issues_at, new_merchant_uid, other_issues, pay_options, t, won, Buyer, Cart, Order, Pg,
    CATALOG,
};

fn main() {
    leptos::mount::mount_to_body(App);
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

#[component]
fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::Ko);
    let toggle = move |_| {
        lang.update(|l| {
            *l = match l {
                Lang::Ko => Lang::En,
                Lang::En => Lang::Ko,
            }
        })
    };
    let q = query();
    let page = if q.contains("route=redirect") {
        view! { <RedirectPage lang=lang.read_only() /> }.into_any()
    } else {
        view! { <Store lang=lang.read_only() mobile=q.contains("mobile=1") /> }.into_any()
    };
    view! {
        <main data-framework="leptos" data-ready="true">
            <header class="top">
                <h1>{move || t(lang.get(), "러스트 커피", "Rust Coffee")}</h1>
                <span class="badge" data-testid="mode-badge">{move || t(lang.get(), "샌드박스", "Sandbox")}</span>
                <button data-testid="lang-toggle" on:click=toggle>{move || t(lang.get(), "English", "한국어")}</button>
            </header>
            {page}
        </main>
    }
}

#[component]
fn Store(lang: ReadSignal<Lang>, mobile: bool) -> impl IntoView {
    let cart = RwSignal::new(Cart::default());
    let pg = RwSignal::new(Pg::Inicis);
    let merchant_uid = RwSignal::new(new_merchant_uid());
    let defaults = Buyer::default();
    let (name, tel, email) = (
        RwSignal::new(defaults.name),
        RwSignal::new(defaults.tel),
        RwSignal::new(defaults.email),
    );
    let m_redirect_url = if mobile { redirect_url() } else { None };

    // ANCHOR: checkout
    // Live validation: the request is rebuilt and checked whenever a signal it reads changes.
    let checkout = Memo::new(move |_| {
        let buyer = Buyer {
            name: name.get(),
            tel: tel.get(),
            email: email.get(),
        };
        let cart = cart.read();
        let uid = merchant_uid.read();
        let order = Order {
            pg: pg.get(),
            cart: &cart,
            buyer: &buyer,
            merchant_uid: &uid,
            lang: lang.get(),
            m_redirect_url: m_redirect_url.as_deref(),
        };
        order.check()
    });
    // ANCHOR_END: checkout

    // ANCHOR: pay
    // The component owns the payment: `payment.state()` is Idle, Paying, Paid, Failed,
    // Unknown or Error; `pay` is refused while one runs; cleanup cancels it.
    let payment = use_request_pay();
    let on_pay = move |_| {
        let (request, options) = checkout.with(|c| (c.request.clone(), pay_options(&c.options)));
        if let Some(request) = request {
            payment.pay(request, options); // the button is disabled while there are errors
        }
    };
    // ANCHOR_END: pay

    let report = Signal::derive(move || checkout.with(|c| c.report.clone()));
    // After an answer, the next attempt is a new order (one merchant_uid per request).
    let state = payment.state();
    Effect::new(move |_| {
        if state.with(|s| s.result().is_some()) {
            merchant_uid.set(new_merchant_uid());
        }
    });
    let can_pay =
        move || report.with(Report::is_ok) && !cart.with(Cart::is_empty) && !payment.is_paying();
    let other = move || report.with(|r| other_issues(r).cloned().collect::<Vec<_>>());

    view! {
        <div class="store">
            <section class="products">
                <h2>{move || t(lang.get(), "상품", "Products")}</h2>
                <ul>
                    {CATALOG.iter().map(|p| view! {
                        <li data-testid=format!("product-{}", p.id)>
                            <span class="name">{move || p.name(lang.get())}</span>
                            <span class="price">{move || won(p.price, lang.get())}</span>
                            <button data-testid=format!("add-{}", p.id) on:click=move |_| cart.update(|c| c.add(p.id))>
                                {move || t(lang.get(), "담기", "Add")}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </section>

            <section class="cart">
                <h2>{move || t(lang.get(), "장바구니", "Cart")}</h2>
                <Show when=move || cart.with(Cart::is_empty)>
                    <p class="muted" data-testid="cart-empty">{move || t(lang.get(), "장바구니가 비어 있습니다", "Your cart is empty")}</p>
                </Show>
                <ul>
                    <For each=move || cart.get().lines().to_vec() key=|(p, n)| (p.id, *n) let((p, n))>
                        <li>
                            <span class="name">{move || p.name(lang.get())}</span>
                            <button data-testid=format!("remove-{}", p.id) on:click=move |_| cart.update(|c| c.remove_one(p.id))>"−"</button>
                            <span data-testid=format!("qty-{}", p.id)>{n}</span>
                            <button on:click=move |_| cart.update(|c| c.add(p.id))>"+"</button>
                        </li>
                    </For>
                </ul>
                <p class="total">
                    {move || t(lang.get(), "합계 ", "Total ")}
                    <b data-testid="cart-total">{move || won(cart.with(Cart::total), lang.get())}</b>
                </p>
            </section>

            <section class="checkout">
                <h2>{move || t(lang.get(), "주문서", "Checkout")}</h2>
                <fieldset class="pgs">
                    <legend>{move || t(lang.get(), "결제대행사", "Payment gateway")}</legend>
                    {Pg::ALL.into_iter().map(|p| view! {
                        <label>
                            <input type="radio" name="pg" data-testid=format!("pg-{}", p.id())
                                prop:checked=move || pg.get() == p on:change=move |_| pg.set(p) />
                            {move || p.label(lang.get())}
                        </label>
                    }).collect_view()}
                </fieldset>
                <Field lang path="buyer_name" label=("이름", "Name") value=name report />
                <Field lang path="buyer_tel" label=("휴대폰 번호", "Phone") value=tel report />
                <Field lang path="buyer_email" label=("이메일", "Email") value=email report />
                <ul class="issues" data-testid="issues-other">
                    {move || other().into_iter().map(|i| view! {
                        <li data-code=i.code.as_str() data-path=i.path.clone()>{i.message(lang.get())}</li>
                    }).collect_view()}
                </ul>
                <p class="status" data-testid="check-status" data-ok=move || report.with(Report::is_ok).to_string()>
                    {move || report.with(|r| if r.is_ok() {
                        t(lang.get(), "확인 완료", "All checks pass").to_string()
                    } else {
                        format!("{} {}", t(lang.get(), "오류", "Errors:"), r.errors().count())
                    })}
                </p>
                <button class="pay" data-testid="pay-button" disabled=move || !can_pay() on:click=on_pay>
                    {move || format!("{} {}", won(cart.with(Cart::total), lang.get()), t(lang.get(), "결제하기", "Pay"))}
                </button>
            </section>

            <ResultView lang state />
        </div>
    }
}

// ANCHOR: field
/// One input bound to its signal, with the issues the checker reports at its path.
#[component]
fn Field(
    lang: ReadSignal<Lang>,
    path: &'static str,
    label: (&'static str, &'static str),
    value: RwSignal<String>,
    report: Signal<Report>,
) -> impl IntoView {
    let issues = move || report.with(|r| issues_at(r, path).cloned().collect::<Vec<Issue>>());
    let invalid = move || report.with(|r| issues_at(r, path).any(Issue::is_error));
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label.0, label.1)}</span>
            <input data-testid=format!("input-{path}") bind:value=value
                aria-invalid=move || invalid().then_some("true") />
            <ul class="issues" data-testid=format!("issues-{path}")>
                {move || issues().into_iter().map(|i| view! {
                    <li data-code=i.code.as_str()>{i.message(lang.get())}</li>
                }).collect_view()}
            </ul>
        </label>
    }
}
// ANCHOR_END: field

#[component]
fn ResultView(lang: ReadSignal<Lang>, state: ReadSignal<PayState>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let state = state.get();
        let (kind, body) = match &state {
            PayState::Paying => (
                "pending",
                view! { <p>{t(lang, "결제창이 열려 있습니다…", "The payment window is open…")}</p> }.into_any(),
            ),
            PayState::Idle => return None,
            PayState::Error(e) => ("error", view! { <p data-testid="result-error">{e.to_string()}</p> }.into_any()),
            PayState::Paid(r) | PayState::Failed(r) | PayState::Unknown(r) => {
                let kind = match &state {
                    PayState::Paid(_) => "success",
                    PayState::Failed(_) => "failure",
                    _ => "unknown",
                };
                (kind, view! {
                    <dl>
                        <dt>"imp_uid"</dt><dd data-testid="result-imp_uid">{r.imp_uid.clone().unwrap_or_default()}</dd>
                        <dt>"merchant_uid"</dt><dd data-testid="result-merchant_uid">{r.merchant_uid.clone()}</dd>
                        <dt>"success"</dt><dd data-testid="result-success">{flag(r.success)}</dd>
                        {r.error_code.clone().map(|code| view! {
                            <dt>"error_code"</dt><dd data-testid="result-error_code">{code}</dd>
                        })}
                        {r.error_msg.clone().map(|msg| view! {
                            <dt>"error_msg"</dt><dd data-testid="result-error_msg">{msg}</dd>
                        })}
                    </dl>
                }.into_any())
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
        Some(view! {
            <section class="result" data-testid="result" data-outcome=kind>
                <h2 data-testid="result-title">{title}</h2>
                {body}
                <p class="muted" data-testid="verify-note">{t(lang,
                    "결제 금액은 서버에서 GET /payments/{imp_uid} 로 확인하세요.",
                    "Verify the amount on your server with GET /payments/{imp_uid}.")}</p>
            </section>
        })
    }
}

/// The route `m_redirect_url` points at.
#[component]
fn RedirectPage(lang: ReadSignal<Lang>) -> impl IntoView {
    // ANCHOR: redirect
    // The result PortOne put in the URL, and the order kept before the payment window
    // opened. A component body runs once, so the order is taken exactly once.
    let landing = use_redirect_result();
    let pending = landing.pending;
    // ANCHOR_END: redirect
    let result = match landing.result {
        Ok(r) => r,
        Err(e) => {
            return view! {
                <section class="result" data-testid="redirect-outcome" data-outcome="invalid">
                    <p>{e.to_string()}</p>
                </section>
            }
            .into_any()
        }
    };
    let kind = match result.success {
        Some(true) => "success",
        Some(false) => "failure",
        None => "unknown",
    };
    let found = pending.is_some().to_string();
    let pending_view = match pending {
        Some(order) => view! {
            <p>{move || t(lang.get(), "보관해 둔 주문", "The order kept for this payment")}</p>
            <dl>
                <dt>"name"</dt><dd data-testid="pending-name">{order.name.clone().unwrap_or_default()}</dd>
                <dt>"amount"</dt><dd data-testid="pending-amount">{move || won(order.amount, lang.get())}</dd>
            </dl>
        }
        .into_any(),
        None => view! {
            <p class="muted">{move || t(lang.get(), "보관된 주문이 없습니다", "No order kept for this payment")}</p>
        }
        .into_any(),
    };
    view! {
        <section class="result" data-testid="redirect-outcome" data-outcome=kind>
            <h2 data-testid="redirect-title">{move || match kind {
                "success" => t(lang.get(), "결제 완료", "Payment complete"),
                "failure" => t(lang.get(), "결제 실패", "Payment failed"),
                _ => t(lang.get(), "서버에서 결제를 조회하세요", "Look the payment up on the server"),
            }}</h2>
            <dl>
                <dt>"imp_uid"</dt><dd data-testid="redirect-imp_uid">{result.imp_uid.clone().unwrap_or_default()}</dd>
                <dt>"merchant_uid"</dt><dd data-testid="redirect-merchant_uid">{result.merchant_uid.clone()}</dd>
                <dt>"success"</dt><dd data-testid="redirect-success">{flag(result.success)}</dd>
                {result.error_code.clone().map(|code| view! {
                    <dt>"error_code"</dt><dd data-testid="redirect-error_code">{code}</dd>
                })}
            </dl>
            <div data-testid="pending-order" data-found=found>{pending_view}</div>
            <a href="./" data-testid="back">{move || t(lang.get(), "쇼핑 계속하기", "Back to the store")}</a>
        </section>
    }
    .into_any()
}
