//! The npm wrapper's JSON guard (the marked section of `js/index.js`) in a real browser:
//! for every value of the hostile corpus and for ordinary params, the one-string path
//! (`asJson` → `checkJson` / `buildJson`) gives exactly the careful reader's answer
//! (`checkParams` / `buildParams`), messages included, or the guard sends the value to the
//! careful reader. The wrapper's message section renders every row of the message table as
//! `Issue::message` does. Runs in headless Chromium and headless Firefox.
#![cfg(target_arch = "wasm32")]

use iamport_pay::js::{build_json, build_params, check_json, check_params};
use iamport_pay::{Code, Error, Issue, Lang, Msg, Provider};
use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const INDEX_JS: &str = include_str!("../js/index.js");

/// A marked section of js/index.js, evaluated; `ret` names what it returns.
fn section(name: &str, ret: &str) -> JsValue {
    section_with(name, ret, "", &JsValue::UNDEFINED)
}

/// [`section`] with one name defined for it (what the wrapper defines before the section).
fn section_with(name: &str, ret: &str, arg: &str, value: &JsValue) -> JsValue {
    let start = INDEX_JS
        .find(&format!("// ---- {name}:"))
        .expect("js/index.js marks the section");
    let end = INDEX_JS
        .find(&format!("// ---- end of {name} ----"))
        .expect("js/index.js marks the end of the section");
    let body = format!("{}\nreturn {ret};", &INDEX_JS[start..end]);
    Function::new_with_args(arg, &body)
        .call1(&JsValue::NULL, value)
        .expect("the section evaluates")
}

/// The guard section of js/index.js as a JS function `asJson(params, options)`.
fn as_json_fn() -> Function {
    section("guard", "asJson").unchecked_into()
}

fn make(body: &str) -> JsValue {
    Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("the corpus builder itself does not throw")
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).expect("a result is JSON").into()
}

/// The messages section of js/index.js, with the wrapper's `messageTable` (the wasm's
/// `Msg::browser_lines`); `ret` names what it returns.
fn messages_section(ret: &str, table: &JsValue) -> JsValue {
    section_with("messages", ret, "messageTable", table)
}

/// The wasm's message table as the wrapper asks for it: `(lang) => Msg::browser_lines(lang)`.
fn message_table() -> JsValue {
    let lines = Array::of2(
        &iamport_pay::js::message_table(0).into(),
        &iamport_pay::js::message_table(1).into(),
    );
    Function::new_with_args("t", "return (lang) => t[lang];")
        .call1(&JsValue::NULL, &lines)
        .expect("a function")
}

thread_local! {
    /// The wrapper's renderers (the messages section), evaluated once: `[checkResult,
    /// answerResult, issue, issuesOf]`.
    static RENDERERS: [Function; 4] = {
        let fns: Array = messages_section(
            "[checkResult, answerResult, issue, issuesOf]",
            &message_table(),
        )
        .unchecked_into();
        [0, 1, 2, 3].map(|i| fns.get(i).unchecked_into())
    };
}

fn renderers() -> [Function; 4] {
    RENDERERS.with(|r| r.clone())
}

/// The careful answers, rendered as the wrapper renders them: checkParams' result, and
/// buildParams' value or its error's issues, as JSON text.
fn careful(params: &JsValue, options: &JsValue) -> (String, String) {
    let [check_result, _, issue, _] = renderers();
    let raw = check_params(params.clone(), options.clone());
    let check = stringify(&check_result.call1(&JsValue::NULL, &raw).expect("renders"));
    let build = match build_params(params.clone(), options.clone()) {
        Ok(v) => format!("{{\"params\":{}}}", stringify(&v)),
        Err(e) => {
            // Its message is left to the wrapper (see the message test below).
            let issues: Array = Reflect::get(&e, &"issues".into()).expect("issues").into();
            let issues: Array = issues
                .iter()
                .map(|i| issue.call1(&JsValue::NULL, &i).expect("renders"))
                .collect();
            format!("{{\"error\":{}}}", stringify(&issues))
        }
    };
    (check, build)
}

/// The one-string answers (`checkJson`'s flat array, `buildJson`'s params or errors' fields),
/// rendered as the wrapper renders them, in [`careful`]'s form.
fn rendered(check: &str, build: &str) -> (String, String) {
    let [_, answer_result, _, issues_of] = renderers();
    let flat = JSON::parse(check).expect("checkJson answers JSON");
    let check = stringify(&answer_result.call1(&JsValue::NULL, &flat).expect("renders"));
    let built = JSON::parse(build).expect("buildJson answers JSON");
    let error = Reflect::get(&built, &"error".into()).expect("a field");
    let build = if error.is_undefined() {
        stringify(&built)
    } else {
        let len = Reflect::get(&error, &"length".into()).expect("an array");
        let issues = issues_of
            .call3(&JsValue::NULL, &error, &0.into(), &len)
            .expect("renders");
        format!("{{\"error\":{}}}", stringify(&issues))
    };
    (check, build)
}

/// Runs one case; returns whether the guard took the one-string path.
fn same_answer(guard: &Function, label: &str, params: &JsValue, options: &JsValue) -> bool {
    let (want_check, want_build) = careful(params, options);
    let json = guard
        .call2(&JsValue::NULL, params, options)
        .expect("the guard never throws");
    if json.is_undefined() {
        return false;
    }
    let json: Array = json.unchecked_into();
    // The JSON text as the walk wrote it: UTF-8 bytes.
    let bytes = js_sys::Uint8Array::from(json.get(0)).to_vec();
    let text = String::from_utf8(bytes).expect("the walk writes UTF-8");
    // What JSON.stringify writes, read back: the same keys in the same order, the same values.
    let reread = JSON::parse(&text).expect("the walk writes JSON");
    assert_eq!(
        stringify(&reread),
        stringify(params),
        "{label}: the walk's text"
    );
    let provider = json.get(1).as_string();
    let flags = json.get(2).as_f64().expect("flags") as u32;
    let got_check = check_json(&text, provider.clone(), flags);
    if got_check.is_empty() {
        // The parser refused the text: the wrapper then takes the careful path too.
        assert!(build_json(&text, provider, flags).is_empty(), "{label}");
        return false;
    }
    let got_build = build_json(&text, provider, flags);
    assert!(!got_build.is_empty(), "{label}");
    let (got_check, got_build) = rendered(&got_check, &got_build);
    assert_eq!(got_check, want_check, "{label}: checkJson vs checkParams");
    assert_eq!(got_build, want_build, "{label}: buildJson vs buildParams");
    true
}

const BASE: &str =
    "({pg:'ksnet.M', pay_method:'card', merchant_uid:'o-1', name:'Mug', amount:1004, tax_free:0})";

#[wasm_bindgen_test]
fn ordinary_params_take_the_one_string_path_with_the_same_answers() {
    let guard = as_json_fn();
    let cases = [
        "return {pg:'html5_inicis.INIpayTest', pay_method:'card', merchant_uid:'order_no_0001', name:'주문명:결제테스트', amount:64900, buyer_email:'test@portone.io', buyer_name:'구매자이름', buyer_tel:'010-1234-5678', buyer_addr:'서울특별시 강남구 삼성동', buyer_postcode:'123-456', m_redirect_url:'https://shop.example/complete', display:{card_quota:[2,3,6]}};",
        "return {pg:'html5_inicis.INIpayTest', pay_method:'cardd', merchant_uid:'', name:'주문명:결제테스트', amount:-100, buyer_email:'test@portone.io', buyer_name:42, buyer_tel:'', m_redirect_url:'not a url'};",
        "return {pg:'kcp.T0000', pay_method:'trans', merchant_uid:'order_escrow_0001', name:'에스크로 주문', amount:100000, escrow:true, buyer_name:'홍길동', buyer_tel:'01012345678', buyer_email:'buyer@example.com', kcpProducts: Array.from({length: 10}, (_, i) => ({orderNumber:'item-'+i, name:'상품 '+i, quantity:1, amount:10000}))};",
        "return {pg:'ksnet.2999199999', pay_method:'card', merchant_uid:'order_id_1667634130160', name:'나이키 와플 트레이너 2 SD', amount:'109000', tax_free:3000, custom_data:{userId:30930, note:'a \"quoted\" \\\\ back\\nslash\\u0001'}, display:{card_quota:[0,6]}, bypass:{ksnet:{sndQpayType:'0'}}};",
        "return {amount: -1};",
        "return {};",
        "return [];",
        "return 'x';",
        "return null;",
        "return Object.assign(Object.create(null), {pg:'kcp.T0000', amount: 1000});",
        &format!("const p = {BASE}; p.buyer_email = undefined; return p;"),
        &format!("const p = {BASE}; p[Symbol('s')] = 1; return p;"),
        &format!("const p = {BASE}; Object.defineProperty(p, 'buyer_tel', {{ enumerable: true, get() {{ return '010'; }} }}); return p;"),
        &format!("return new Proxy({BASE}, {{}});"),
        "return {name: '😀 surrogate pair', amount: 1};",
    ];
    for (i, body) in cases.iter().enumerate() {
        let p = make(body);
        assert!(
            same_answer(&guard, &format!("case {i}"), &p, &JsValue::UNDEFINED),
            "case {i} takes the one-string path: {body}"
        );
    }
    // Options: a provider string (known or not), mobile, webview; odd values are ignored.
    for options in [
        "return {provider: 'kcp'};",
        "return {provider: 'stripe'};",
        "return {provider: 7, mobile: 'yes', webview: 1};",
        "return {mobile: true, webview: true};",
        "return 'kcp';",
        "return null;",
    ] {
        let p = make(&format!("return {BASE};"));
        assert!(
            same_answer(&guard, options, &p, &make(options)),
            "{options}"
        );
    }
}

// A getter that runs the guard again while the walk is inside the params: the inner call takes
// the careful path, and the outer walk's text is still the params' own.
#[wasm_bindgen_test]
fn a_walk_inside_a_walk_leaves_the_outer_text_alone() {
    let guard = as_json_fn();
    let global = js_sys::global();
    Reflect::set(&global, &"__iamportGuard".into(), &guard).unwrap();
    let p = make(&format!(
        "const p = {BASE}; Object.defineProperty(p, 'buyer_tel', {{ enumerable: true, get() {{ \
         globalThis.__iamportInner = globalThis.__iamportGuard({{pg: 'kcp.T0000', amount: 5, name: '안쪽'}}); \
         return '010-1234-5678'; }} }}); return p;"
    ));
    let outer = guard
        .call1(&JsValue::NULL, &p)
        .expect("the guard never throws");
    assert!(
        !outer.is_undefined(),
        "the outer call takes the one-string path"
    );
    let inner = Reflect::get(&global, &"__iamportInner".into()).unwrap();
    assert!(
        inner.is_undefined(),
        "the inner call takes the careful path"
    );
    // The outer answer is the careful reader's (the getter runs again; outside a walk now).
    assert!(same_answer(
        &guard,
        "walk inside a walk",
        &p,
        &JsValue::UNDEFINED
    ));
    let inner = Reflect::get(&global, &"__iamportInner".into()).unwrap();
    assert!(
        !inner.is_undefined(),
        "outside a walk the getter's own call takes the path"
    );
    // And the guard is free again afterwards.
    let q = make("return {pg: 'kcp.T0000', amount: 5, name: '다음'};");
    assert!(same_answer(&guard, "after", &q, &JsValue::UNDEFINED));
}

#[wasm_bindgen_test]
fn hostile_values_go_to_the_careful_reader() {
    let guard = as_json_fn();
    let cases = [
        "let o = {}; for (let i = 0; i < 10000; i++) o = {a: o}; const p = BASE; p.custom_data = o; return p;",
        "let o = []; for (let i = 0; i < 10000; i++) o = [o]; return o;",
        "const p = BASE; p.name = 'x'.repeat(10 * 1024 * 1024); return p;",
        "return JSON.parse('{\"pg\":\"ksnet.M\",\"amount\":1004,\"__proto__\":{\"polluted\":\"yes\"},\"custom_data\":{\"__proto__\":{\"polluted\":\"yes\"}}}');",
        "return new Map([['amount', 1]]);",
        "return new Date();",
        "return new (class Order { constructor() { this.amount = 1; } })();",
        "const p = BASE; p.custom_data = new Map(); return p;",
        "const p = BASE; p.period = new Date(); return p;",
        "const p = BASE; Object.defineProperty(p, 'amount', { enumerable: true, get() { throw new Error('boom'); } }); return p;",
        "return new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });",
        "return new Proxy(BASE, { has() { throw new Error('trap'); } });",
        "const p = BASE; p.custom_data = {}; p.custom_data.self = p.custom_data; p.bypass = p; return p;",
        "const p = BASE; p.amount = 1004n; return p;",
        "const p = BASE; p.name = Symbol('n'); return p;",
        "const p = BASE; p.buyer_tel = () => '010'; return p;",
        "const p = BASE; p.notice_url = [ , 'https://a.example/h']; return p;",
        "const p = BASE; p.notice_url = [undefined, 'https://a.example/h']; return p;",
        "const p = BASE; p.amount = NaN; return p;",
        "const p = BASE; p.amount = Infinity; return p;",
        "const p = BASE; p.amount = -0; return p;",
        "const p = BASE; p.amount = 1004.5; return p;",
        "const p = BASE; p.amount = 2 ** 53; return p;",
        "const p = BASE; p.toJSON = () => ({}); return p;",
        "const p = BASE; Object.defineProperty(p, 'toJSON', { value: () => ({ amount: 1 }) }); return p;",
        "const p = BASE; p.custom_data = { toJSON() { return 'x'; } }; return p;",
        "const p = BASE; p.display = new (class Q extends Array {})(); return p;",
        "const p = BASE; p.name = 'lone \\ud800 surrogate'; return p;",
        "const p = BASE; p['\\udc00'] = 1; return p;",
        "const p = BASE; p.custom_data = Object.fromEntries(Array.from({length: 600}, (_, i) => ['k' + i, i])); return p;",
        "const p = BASE; p.custom_data = Array.from({length: 600}, (_, i) => i); return p;",
        "return undefined;",
        "return () => 1;",
        "return 10n;",
        "return NaN;",
    ];
    for (i, body) in cases.iter().enumerate() {
        let p = make(&body.replace("BASE", BASE));
        assert!(
            !same_answer(&guard, &format!("hostile {i}"), &p, &JsValue::UNDEFINED),
            "hostile case {i} goes to the careful reader: {body}"
        );
    }
    // Options the careful reader reads differently (a throwing getter is ignored there).
    let p = make(&format!("return {BASE};"));
    let options = make("return { get provider() { throw new Error('boom'); } };");
    assert!(!same_answer(&guard, "throwing options", &p, &options));
    // A polluted prototype's toJSON: every object has it.
    make("Object.prototype.toJSON = function () { return {}; }; return null;");
    let polluted = same_answer(&guard, "polluted toJSON", &p, &JsValue::UNDEFINED);
    make("delete Object.prototype.toJSON; return null;");
    // An enumerable key on Object.prototype: the walk's for-in would see it on every object.
    make("Object.prototype.polluted = 'yes'; return null;");
    let enumerable = same_answer(&guard, "polluted key", &p, &JsValue::UNDEFINED);
    make("delete Object.prototype.polluted; return null;");
    assert!(
        !enumerable,
        "an enumerable key on Object.prototype goes to the careful reader"
    );
    assert!(same_answer(&guard, "clean again", &p, &JsValue::UNDEFINED));
    assert!(
        !polluted,
        "Object.prototype.toJSON goes to the careful reader"
    );
}

fn get_str(v: &JsValue, key: &str) -> String {
    Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| panic!("{key} is a string"))
}

/// The wasm's form of an issue (`src/wire.rs`, `push_issue`), as JS.
fn compact(issue: &Issue) -> JsValue {
    let mut o = serde_json::json!({"path": issue.path, "code": issue.code.as_str(), "msg": issue.msg as usize});
    if let Some(pg) = issue.pg {
        o["pg"] = serde_json::json!(pg as usize);
    }
    if let Some(arg) = &issue.arg {
        o["arg"] = serde_json::json!(arg);
    }
    if let Some(ko) = &issue.arg_ko {
        o["argKo"] = serde_json::json!(ko);
    }
    JSON::parse(&o.to_string()).expect("JSON")
}

#[wasm_bindgen_test]
fn the_wrapper_renders_every_message_as_rust_does() {
    // The section's messageTable: the wasm export's answer (Msg::browser_lines), as in the
    // package.
    let table = message_table();
    let asked = Function::new_with_args(
        "f",
        "const g = (lang) => { g.calls += 1; return f(lang); }; g.calls = 0; return g;",
    )
    .call1(&JsValue::NULL, &table)
    .expect("a function");
    let fns = messages_section("[issue, invalidParamsMessage]", &asked);
    let fns: Array = fns.unchecked_into();
    let issue: Function = fns.get(0).unchecked_into();
    let message_of: Function = fns.get(1).unchecked_into();
    let render = |i: &Issue| issue.call1(&JsValue::NULL, &compact(i)).expect("renders");
    let mut n = 0;
    for msg in Msg::ALL {
        // The root path, a nested one, values that look like placeholders or replacement
        // patterns, a Korean value of its own, with and without a PG.
        let variants = [
            Issue::new("", Code::InvalidValue, *msg),
            Issue::new("kcpProducts[1].name", Code::Required, *msg)
                .arg("{path} $& $1 '\"x\"' {pg}")
                .pg(Some(Provider::Html5Inicis)),
            {
                let mut i = Issue::new("amount", Code::OutOfRange, *msg)
                    .arg("50000")
                    .pg(Some(Provider::ALL[Provider::ALL.len() - 1]));
                i.arg_ko = Some("오만".into());
                i
            },
        ];
        // The server bodies' rows (src/server; `Server…`) are empty in the package's table
        // (Msg::browser_lines): no wasm build holds the code that shows them.
        let server = format!("{msg:?}").starts_with("Server");
        for i in &variants {
            let got = render(i);
            assert_eq!(get_str(&got, "path"), i.path, "{msg:?}");
            assert_eq!(get_str(&got, "code"), i.code.as_str(), "{msg:?}");
            if server {
                assert_eq!(get_str(&got, "message"), "", "{msg:?}");
                assert_eq!(get_str(&got, "messageKo"), "", "{msg:?}");
            } else {
                assert_eq!(get_str(&got, "message"), i.message(Lang::En), "{msg:?}");
                assert_eq!(get_str(&got, "messageKo"), i.message(Lang::Ko), "{msg:?}");
            }
            n += 1;
        }
    }
    assert_eq!(n, Msg::ALL.len() * 3);
    // The table is read once per language, at the first issue, however many issues follow.
    assert_eq!(
        Reflect::get(&asked, &"calls".into())
            .ok()
            .and_then(|c| c.as_f64()),
        Some(2.0)
    );
    // The invalid_params message, for none, one and several errors.
    for count in [0, 1, 3] {
        let issues: Vec<Issue> = (0..count)
            .map(|k| {
                Issue::new(
                    if k == 0 { "" } else { "amount" },
                    Code::Required,
                    Msg::Required,
                )
            })
            .collect();
        let rendered: Array = issues.iter().map(render).collect();
        let got = message_of
            .call1(&JsValue::NULL, &rendered)
            .expect("renders")
            .as_string()
            .expect("a string");
        assert_eq!(
            got,
            Error::invalid_params(issues).message(),
            "{count} errors"
        );
    }
}
