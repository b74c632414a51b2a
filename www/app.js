// Demo checkout for iamport-pay: live checkParams as you type, buildParams JSON,
// requestPay through the sandbox IMP (default) or PortOne's SDK (when a userCode is set).

import { installSandbox } from 'iamport-pay/sandbox';
import { STRINGS, applyI18n, formatKRW, getLang, setLang, t } from './i18n.js';
// Generated from the Rust tables (src/tables.rs): pay-method labels and each PG's pay methods.
import { PAY_METHODS as METHODS, PAY_METHODS_BY_PROVIDER } from './tables.js';
import { priceOrder, recordSandboxPayment, verdictNode, verifyOnServer } from './verdict.js';

/** @type {typeof import('iamport-pay') | null} */
let lib = null;
let loadError = null;
try {
  lib = await import('iamport-pay');
} catch (err) {
  loadError = err;
}

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

// ---------------------------------------------------------------------------------------------
// Shop data

const PRODUCTS = {
  tangerine: { ko: '제주 유기농 감귤 3kg', en: 'Jeju organic tangerines, 3 kg', optKo: '당일 수확', optEn: 'Picked today', price: 24900, hue: 32 },
  board: { ko: '호두나무 원목 도마', en: 'Walnut cutting board', optKo: '중형 · 30×20cm', optEn: 'Medium · 30×20 cm', price: 38000, hue: 20 },
  tea: { ko: '하동 녹차 티백 50입', en: 'Hadong green tea, 50 bags', optKo: '유기농', optEn: 'Organic', price: 9900, hue: 130 },
};
const SHIPPING_FEE = 3000;
const FREE_SHIPPING_OVER = 50000;

const cart = [
  { id: 'tangerine', qty: 1 },
  { id: 'board', qty: 1 },
  { id: 'tea', qty: 2 },
];

// One preset per PG the library has rules for; its pay methods are the rules' own list.
const PGS = {
  inicis: {
    provider: 'html5_inicis',
    channel: 'pg',
    value: 'html5_inicis.INIpayTest',
  },
  kcp: {
    provider: 'kcp',
    channel: 'pg',
    value: 'kcp.T0000',
  },
  kcp_billing: {
    provider: 'kcp_billing',
    channel: 'pg',
    value: 'kcp_billing.BA001',
  },
  ksnet: {
    provider: 'ksnet',
    channel: 'pg',
    value: 'ksnet.demo0001',
  },
  daou: {
    provider: 'daou',
    channel: 'channelKey',
    value: 'channel-key-sandbox-kiwoom-0001',
  },
};

const QUOTA_MONTHS = [2, 3, 4, 5, 6, 10, 12];
const REDIRECT_PAGE = new URL('./redirect.html', location.href).href;

const ui = {
  pgId: 'inicis',
  amountEdited: false,
  nameEdited: false,
  quotas: new Set([2, 3, 6]),
  paying: false,
  lastResult: null, // { kind: 'result' | 'error' | 'pending' | 'redirecting', value }
  sdkUnavailable: false, // PortOne's SDK failed to load for this userCode: pay in the sandbox
};

/** The amount the developer panel's tamper switch pays instead of the priced one. */
const TAMPERED_AMOUNT = 1004;

/** The order the server priced for the payment in progress (null: no verifying server). */
let priced = null;

/** How long the demo waits for PortOne's SDK before falling back to the sandbox. */
const SDK_TIMEOUT_MS = 8000;

/** @type {ReturnType<typeof installSandbox> | null} */
let sandbox = null;

// ---------------------------------------------------------------------------------------------
// Helpers

const lang = () => getLang();
const L = (pair) => (lang() === 'en' ? pair[1] : pair[0]);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null) node.append(c);
  return node;
}

function newMerchantUid() {
  const d = new Date();
  const ymd = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  const rand = Math.random().toString(36).slice(2, 8);
  return `order-${ymd}-${rand}`;
}

function subtotal() {
  return cart.reduce((s, l) => s + PRODUCTS[l.id].price * l.qty, 0);
}
function shipping() {
  const s = subtotal();
  return s === 0 || s >= FREE_SHIPPING_OVER ? 0 : SHIPPING_FEE;
}
function total() {
  return subtotal() + shipping();
}
function orderName() {
  const lines = cart.filter((l) => l.qty > 0);
  if (lines.length === 0) return '';
  const first = L([PRODUCTS[lines[0].id].ko, PRODUCTS[lines[0].id].en]);
  if (lines.length === 1) return first;
  return lang() === 'en' ? `${first} and ${lines.length - 1} more` : `${first} 외 ${lines.length - 1}건`;
}

/** "1004" -> 1004; anything else is passed through as typed so the checker can report it. */
function numberish(s) {
  const v = s.trim();
  if (v === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

function setDeep(obj, dotted, value) {
  const keys = dotted.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys.at(-1)] = value;
}

// ---------------------------------------------------------------------------------------------
// Params from the form

function readExtra() {
  const raw = $('#f-extra').value.trim();
  if (raw === '') return { ok: true, value: {} };
  try {
    const v = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return { ok: true, value: v };
  } catch {
    /* fall through */
  }
  return { ok: false, value: {} };
}

function kcpRows() {
  return $$('#kcp-rows tr').map((tr) => {
    const get = (k) => $(`[data-k="${k}"]`, tr).value;
    const row = { orderNumber: get('orderNumber'), name: get('name') };
    const q = numberish(get('quantity'));
    const a = numberish(get('amount'));
    if (q !== undefined) row.quantity = q;
    if (a !== undefined) row.amount = a;
    return row;
  });
}

/** The object handed to checkParams / requestPay, built from the form as typed. */
function collectParams() {
  const pg = PGS[ui.pgId];
  const p = {};
  const text = (id) => $(`#f-${id}`).value.trim();
  const channel = text('channel');
  if (channel !== '') p[pg.channel] = channel;
  p.pay_method = $('#f-pay_method').value;
  const mu = text('merchant_uid');
  if (mu !== '') p.merchant_uid = mu;
  const name = text('name');
  if (name !== '') p.name = name;
  const amount = numberish($('#f-amount').value);
  if (amount !== undefined) p.amount = amount;
  const taxFree = numberish($('#f-tax_free').value);
  if (taxFree !== undefined) p.tax_free = taxFree;
  for (const k of ['buyer_name', 'buyer_tel', 'buyer_email', 'buyer_addr', 'buyer_postcode']) {
    const v = text(k);
    if (v !== '') p[k] = v;
  }
  if (visible('[data-testid="field-customer_uid"]')) {
    const v = text('customer_uid');
    if (v !== '') p.customer_uid = v;
  }
  if (visible('[data-testid="field-vbank_due"]')) {
    const v = text('vbank_due');
    if (v !== '') p.vbank_due = v;
  }
  if (visible('[data-testid="field-digital"]')) p.digital = $('#f-digital').checked;
  if (visible('[data-testid="field-card_quota"]') && $('#f-quota-on').checked) {
    p.display = { card_quota: [...ui.quotas].sort((a, b) => a - b) };
  }
  if ($('#f-escrow').checked) {
    p.escrow = true;
    if (visible('[data-testid="field-kcpProducts"]')) p.kcpProducts = kcpRows();
  }
  const bypass = {};
  for (const input of $$('[data-bypass]')) {
    if (!visible(input.closest('.field'))) continue;
    const v = input.value.trim();
    if (v === '') continue;
    const val = input.hasAttribute('data-number-if-digit') && /^\d+$/.test(v) ? Number(v) : v;
    setDeep(bypass, input.dataset.bypass, val);
  }
  if (Object.keys(bypass).length) p.bypass = bypass;
  const redirect = text('m_redirect_url');
  if (redirect !== '') p.m_redirect_url = redirect;
  if ($('#f-language').value) p.language = $('#f-language').value;
  if ($('#f-currency').value) p.currency = $('#f-currency').value;
  p.custom_data = { shop: 'moonlight-demo', items: cart.filter((l) => l.qty > 0).map((l) => `${l.id}x${l.qty}`) };
  Object.assign(p, readExtra().value);
  return p;
}

/** CheckOptions: a channelKey does not name its PG, so the preset says which rules apply. */
function checkOptions() {
  const pg = PGS[ui.pgId];
  const o = { mobile: $('#f-mobile').checked };
  if (pg.channel === 'channelKey') o.provider = pg.provider;
  return o;
}

function visible(target) {
  const node = typeof target === 'string' ? $(target) : target;
  return !!node && !node.hidden && !node.closest('[hidden]');
}

// ---------------------------------------------------------------------------------------------
// Rendering: cart and summary

function renderCart() {
  const ul = $('#lines');
  ul.replaceChildren(
    ...cart.map((line, i) => {
      const prod = PRODUCTS[line.id];
      const name = L([prod.ko, prod.en]);
      return el(
        'li',
        { class: 'line', 'data-testid': `line-${line.id}` },
        el('span', { class: 'thumb', style: `--h:${prod.hue}`, 'aria-hidden': 'true' }, el('span', { text: prod.en[0] })),
        el(
          'span',
          { class: 'line-main' },
          el('span', { class: 'line-name', text: name }),
          el('span', { class: 'line-opt', text: `${L([prod.optKo, prod.optEn])} · ${formatKRW(prod.price)}` }),
          el(
            'span',
            { class: 'qty' },
            el('button', { type: 'button', 'aria-label': t('qtyDec'), 'data-testid': `qty-dec-${line.id}`, onclick: () => changeQty(i, -1), disabled: line.qty <= 0 }, '−'),
            el('output', { 'data-testid': `qty-${line.id}`, text: String(line.qty) }),
            el('button', { type: 'button', 'aria-label': t('qtyInc'), 'data-testid': `qty-inc-${line.id}`, onclick: () => changeQty(i, +1), disabled: line.qty >= 9 }, '+'),
          ),
        ),
        el('span', { class: 'line-price', text: formatKRW(prod.price * line.qty) }),
      );
    }),
  );
  $('#subtotal').textContent = formatKRW(subtotal());
  $('#shipping').textContent = shipping() === 0 ? t('free') : formatKRW(shipping());
  $('#total').textContent = formatKRW(total());
}

function changeQty(i, d) {
  cart[i].qty = Math.max(0, Math.min(9, cart[i].qty + d));
  syncDerived();
  renderCart();
  validate();
}

/** Keeps amount and name in step with the cart until the buyer types their own. */
function syncDerived() {
  if (!ui.amountEdited) $('#f-amount').value = String(total());
  if (!ui.nameEdited) $('#f-name').value = orderName();
  const btn = $('#amount-sync');
  btn.textContent = ui.amountEdited ? t('amountEdited') : t('amountSynced');
  btn.disabled = !ui.amountEdited;
}

function renderChargeRow() {
  const amount = numberish($('#f-amount').value);
  const shown = typeof amount === 'number' ? formatKRW(amount) : String(amount ?? '—');
  $('#pay-amount').textContent = typeof amount === 'number' ? shown : '';
  const differs = amount !== total();
  $('#charge-row').hidden = !differs;
  $('#charge').textContent = shown;
}

// ---------------------------------------------------------------------------------------------
// Rendering: PG-dependent parts

function renderPg() {
  const pg = PGS[ui.pgId];
  const input = $('#f-channel');
  input.value = pg.value;
  $('#channel-key-name').textContent = pg.channel;
  $('#channel-label').dataset.i18n = pg.channel === 'pg' ? 'channelPg' : 'channelKey';
  $('#channel-label').textContent = t($('#channel-label').dataset.i18n);
  renderMethods();
  for (const f of $$('[data-show-pg]')) f.hidden = !f.dataset.showPg.split(' ').includes(ui.pgId);
  for (const tile of $$('.pg-tile')) tile.classList.toggle('on', tile.querySelector('input').value === ui.pgId);
  renderConditional();
}

function renderMethods() {
  const pg = PGS[ui.pgId];
  const select = $('#f-pay_method');
  const current = select.value || 'card';
  const opt = (m) => el('option', { value: m, text: `${L(METHODS[m] ?? [m, m])} · ${m}` });
  const supported = PAY_METHODS_BY_PROVIDER[pg.provider];
  const others = Object.keys(METHODS).filter((m) => !supported.includes(m));
  select.replaceChildren(
    el('optgroup', { label: t('supported') }, supported.map(opt)),
    el('optgroup', { label: t('others') }, others.map(opt)),
  );
  select.value = [...select.options].some((o) => o.value === current) ? current : 'card';
}

function renderConditional() {
  const method = $('#f-pay_method').value;
  for (const f of $$('[data-show-method]')) {
    const pgOk = !f.dataset.showPg || f.dataset.showPg.split(' ').includes(ui.pgId);
    f.hidden = !pgOk || !f.dataset.showMethod.split(' ').includes(method);
  }
  $('[data-show-digital]').hidden = !(method === 'phone' || ui.pgId === 'daou');
  const kcp = $('[data-testid="field-kcpProducts"]');
  kcp.hidden = !(ui.pgId === 'kcp' && $('#f-escrow').checked);
  const chips = $('#quota-chips');
  chips.classList.toggle('off', !$('#f-quota-on').checked);
}

function renderQuotaChips() {
  $('#quota-chips').replaceChildren(
    ...QUOTA_MONTHS.map((m) =>
      el(
        'button',
        {
          type: 'button',
          class: `chip${ui.quotas.has(m) ? ' on' : ''}`,
          'aria-pressed': String(ui.quotas.has(m)),
          'data-testid': `quota-${m}`,
          onclick: () => {
            if (ui.quotas.has(m)) ui.quotas.delete(m);
            else ui.quotas.add(m);
            $('#f-quota-on').checked = true;
            renderQuotaChips();
            renderConditional();
            validate();
          },
        },
        `${m}${t('months')}`,
      ),
    ),
    el('span', { class: 'chip-note', text: ui.quotas.size === 0 ? t('lumpSum') : '' }),
  );
}

function kcpRow(row = {}) {
  const cell = (k, v, attrs = {}) =>
    el('td', {}, el('input', { 'data-k': k, value: v ?? '', 'aria-label': k, spellcheck: 'false', ...attrs }));
  const tr = el(
    'tr',
    {},
    cell('orderNumber', row.orderNumber),
    cell('name', row.name),
    cell('quantity', row.quantity, { inputmode: 'numeric', class: 'num' }),
    cell('amount', row.amount, { inputmode: 'numeric', class: 'num' }),
    el('td', {}, el('button', { type: 'button', class: 'icon', 'aria-label': t('remove'), onclick: () => { tr.remove(); renumberKcp(); validate(); } }, '×')),
  );
  return tr;
}

function renumberKcp() {
  $$('#kcp-rows tr').forEach((tr, i) => {
    tr.dataset.testid = `kcp-row-${i}`;
    tr.setAttribute('data-testid', `kcp-row-${i}`);
    for (const input of $$('input', tr)) input.dataset.cellPath = `kcpProducts[${i}].${input.dataset.k}`;
  });
}

function fillKcpFromCart() {
  const mu = $('#f-merchant_uid').value.trim() || 'order';
  const rows = cart
    .filter((l) => l.qty > 0)
    .map((l, i) => ({ orderNumber: `${mu}-${i + 1}`, name: PRODUCTS[l.id].ko, quantity: l.qty, amount: PRODUCTS[l.id].price * l.qty }));
  $('#kcp-rows').replaceChildren(...rows.map(kcpRow));
  renumberKcp();
}

// ---------------------------------------------------------------------------------------------
// Validation

/** path -> the field element showing its issues. Ancestors stand in for descendants. */
function fieldFor(path, extraKeys) {
  const top = path.split(/[.[]/)[0];
  if (extraKeys.has(top)) return $('[data-testid="field-extra"]');
  let p = path;
  for (;;) {
    const f = $$('.field[data-path]').find((x) => x.dataset.path.split(' ').includes(p) && p !== '' && visible(x));
    if (f) return f;
    if (p === '') return null;
    p = parentPath(p);
  }
}

function parentPath(p) {
  const m = p.match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
  return m ? m[1] : '';
}

function issueItem(issue, severity, field) {
  const ko = issue.messageKo;
  const en = issue.message;
  const [first, second] = lang() === 'en' ? [en, ko] : [ko, en];
  const primary = field ? field.dataset.path.split(' ')[0] : null;
  return el(
    'li',
    { class: `issue ${severity}`, 'data-code': issue.code, 'data-path': issue.path, 'data-severity': severity },
    el('span', { class: 'sev', text: severity === 'error' ? L(['오류', 'Error']) : L(['경고', 'Warning']) }),
    el(
      'span',
      { class: 'msg' },
      issue.path !== primary && issue.path !== '' ? el('code', { class: 'ipath', text: issue.path }) : null,
      el('span', { class: 'primary', lang: lang() === 'en' ? 'en' : 'ko', text: first }),
      el('span', { class: 'secondary', lang: lang() === 'en' ? 'ko' : 'en', text: second }),
      el('span', { class: 'code', text: issue.code }),
    ),
  );
}

let lastCheck = null;

function validate() {
  renderChargeRow();
  const extra = readExtra();
  const params = collectParams();
  const opts = checkOptions();
  // Clear.
  for (const ul of $$('.issues')) ul.replaceChildren();
  for (const f of $$('.field')) f.classList.remove('has-error', 'has-warning');
  for (const x of $$('[aria-invalid]')) x.removeAttribute('aria-invalid');
  if (!extra.ok) {
    $('[data-testid="issues-extra"]').append(issueItem({ code: 'invalid_json', path: '', message: STRINGS.extraBad[1], messageKo: STRINGS.extraBad[0] }, 'error', null));
  }
  if (!lib) return;

  const res = lib.checkParams(params, opts);
  lastCheck = { params, opts, res };
  const extraKeys = new Set(Object.keys(extra.value));
  const other = $('#other-issues');
  const place = (issue, severity) => {
    const field = fieldFor(issue.path, extraKeys);
    const list = field ? $('.issues', field) : other;
    list.append(issueItem(issue, severity, field));
    if (field) {
      field.classList.add(severity === 'error' ? 'has-error' : 'has-warning');
      if (severity === 'error') {
        const cell = $(`[data-cell-path="${CSS.escape(issue.path)}"]`, field);
        const input = cell ?? $('input, select, textarea', field);
        if (input) input.setAttribute('aria-invalid', 'true');
      }
    }
  };
  for (const i of res.errors) place(i, 'error');
  for (const i of res.warnings) place(i, 'warning');

  // Status pill and the button.
  const status = $('#check-status');
  status.dataset.ok = String(res.ok);
  status.replaceChildren(
    ...[
    res.ok
      ? el('span', { class: 'pill ok', text: `✓ ${t('statusOk')}` })
      : el('button', { type: 'button', class: 'pill bad', onclick: focusFirstError, text: t('statusErrors', { n: res.errors.length }) }),
    res.warnings.length ? el('span', { class: 'pill warn', text: t('statusWarnings', { n: res.warnings.length }) }) : null,
    el('span', { class: 'pill prov', title: 'provider', text: res.provider ?? '—' }),
    ].filter(Boolean),
  );

  // Params JSON: the normalized copy when valid, else the input as typed.
  let shown = params;
  let normalized = false;
  if (res.ok) {
    try {
      shown = lib.buildParams(params, opts);
      normalized = true;
    } catch {
      /* stays raw */
    }
  }
  $('#params-note').textContent = normalized ? t('paramsNormalized') : t('paramsRaw');
  $('#params-note').dataset.normalized = String(normalized);
  $('#params-json').textContent = JSON.stringify(shown, null, 2);
}

function focusFirstError() {
  const f = $('.field.has-error');
  if (!f) return;
  f.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const input = $('[aria-invalid="true"]', f) ?? $('input, select, textarea', f);
  input?.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------
// Paying

function ensureSandbox() {
  const pg = PGS[ui.pgId];
  const options = {
    lang: lang(),
    mobile: $('#f-mobile').checked,
    provider: pg.provider,
    channels: pg.channel === 'channelKey' ? { [$('#f-channel').value.trim()]: pg.provider } : {},
    // Redirect mode: PortOne holds the payment before the browser lands, so the sandbox's
    // payment is recorded in the server's fake PortOne before the page navigates away.
    navigate: (url) => {
      recordLast().finally(() => location.assign(url));
    },
  };
  sandbox = installSandbox(options);
  window.__iamportPayDemo.sandbox = sandbox;
  return sandbox;
}

function updateMode() {
  const real = realMode();
  const mobile = $('#f-mobile').checked;
  const badge = $('[data-testid="mode-badge"]');
  badge.dataset.mode = real ? 'real' : 'sandbox';
  badge.dataset.mobile = String(mobile);
  const mode = real ? 'modeReal' : ui.sdkUnavailable && $('#f-userCode').value.trim() !== '' ? 'modeFallback' : 'modeSandbox';
  badge.dataset.fallback = String(mode === 'modeFallback');
  badge.textContent = `${t(mode)}${mobile ? ` · ${t('modeRedirect')}` : ''}`;
}

/** Whether Pay goes to PortOne's real SDK: a userCode is set and the SDK has not failed to load. */
function realMode() {
  return $('#f-userCode').value.trim() !== '' && !ui.sdkUnavailable;
}

async function pay() {
  if (!lib || ui.paying) return;
  const params = collectParams();
  const opts = checkOptions();
  const userCode = $('#f-userCode').value.trim();
  const mobile = $('#f-mobile').checked;
  const real = realMode();

  if (real) {
    // Real SDK: take the fake IMP away so requestPay loads PortOne's iamport.js.
    if (sandbox) sandbox.uninstall();
    sandbox = null;
  } else {
    ensureSandbox();
  }

  setPaying(true);
  showOutcome({ kind: mobile ? 'redirecting' : 'pending' });
  // The server prices the order from its own catalog; only then may the tamper switch change
  // the amount the browser pays, which the server must refuse.
  priced = await priceOrder(params.merchant_uid, cart.filter((l) => l.qty > 0).map((l) => ({ id: l.id, qty: l.qty })));
  if (priced && $('#f-tamper').checked) params.amount = TAMPERED_AMOUNT;
  const payOptions = { ...opts, keepPendingOrder: mobile };
  try {
    let result;
    try {
      result = await lib.requestPay(params, real ? { ...payOptions, userCode, timeoutMs: SDK_TIMEOUT_MS } : payOptions);
    } catch (err) {
      // No network (or the CDN is blocked): the demo falls back to the sandbox, says so, and
      // stays in sandbox mode until the userCode is edited.
      if (!real || !err || (err.code !== 'sdk_load_failed' && err.code !== 'sdk_timeout')) throw err;
      ui.sdkUnavailable = true;
      $('[data-testid="sdk-fallback"]').hidden = false;
      $('[data-testid="sdk-fallback"]').dataset.code = err.code;
      $('[data-testid="sdk-fallback"]').textContent = t('sdkFallback', { code: err.code });
      updateMode();
      ensureSandbox();
      result = await lib.requestPay(params, payOptions);
    }
    const outcome = { kind: 'result', value: result, verdict: null };
    showOutcome(outcome);
    newOrderNumber();
    await verify(outcome);
  } catch (err) {
    showOutcome({ kind: 'error', value: err });
    if (err && err.code === 'invalid_params') focusFirstError();
  } finally {
    setPaying(false);
  }
}

/** Records the sandbox's last payment in the server's fake PortOne (sandbox + fake only). */
async function recordLast() {
  if (!sandbox || !priced || priced.portone !== 'fake') return;
  const provider = PGS[ui.pgId].provider;
  await recordSandboxPayment(sandbox.calls.at(-1), sandbox.responses.at(-1), provider);
}

/** Asks the server to verify the result's payment and shows its verdict next to it. */
async function verify(outcome) {
  const r = outcome.value;
  if (!r || typeof r.imp_uid !== 'string' || r.imp_uid === '') return;
  if (!priced) {
    outcome.verdict = { state: 'none' };
  } else {
    outcome.verdict = { state: 'pending' };
    if (ui.lastResult === outcome) showOutcome(outcome);
    await recordLast();
    outcome.verdict = await verifyOnServer(r.imp_uid, r.merchant_uid ?? priced.merchant_uid);
  }
  if (ui.lastResult === outcome) showOutcome(outcome);
}

function setPaying(on) {
  ui.paying = on;
  const btn = $('#pay');
  btn.disabled = on || !lib;
  btn.setAttribute('aria-busy', String(on));
  $('#pay-label').dataset.i18n = on ? 'paying' : 'pay';
  $('#pay-label').textContent = t(on ? 'paying' : 'pay');
}

function newOrderNumber() {
  $('#f-merchant_uid').value = newMerchantUid();
  if ($('#f-escrow').checked && ui.pgId === 'kcp') fillKcpFromCart();
  validate();
}

function kv(label, value, testid) {
  if (value === undefined) return [];
  return [el('dt', { text: label }), el('dd', { 'data-testid': testid, text: value === null ? 'null' : String(value) })];
}

function showOutcome(outcome) {
  ui.lastResult = outcome;
  const box = $('[data-testid="result"]');
  const body = $('#result-body');
  const verify = el('p', { class: 'verify', 'data-testid': 'verify-note', text: t('verifyNote') });

  if (outcome.kind === 'pending' || outcome.kind === 'redirecting') {
    box.dataset.outcome = outcome.kind;
    body.replaceChildren(el('p', { class: 'muted spin', text: t(outcome.kind === 'pending' ? 'resultPending' : 'resultRedirecting') }));
    return;
  }

  if (outcome.kind === 'error') {
    const err = outcome.value;
    const invalid = err && err.code === 'invalid_params';
    box.dataset.outcome = invalid ? 'invalid' : 'error';
    const issues = invalid && Array.isArray(err.issues) ? err.issues : [];
    body.replaceChildren(
      el('div', { class: 'badge bad', 'data-testid': 'result-title', text: invalid ? t('resultNotOpened') : `${err?.code ?? 'error'}` }),
      el('p', { class: 'err-msg', 'data-testid': 'result-error', text: `${err?.name ?? 'Error'} (${err?.code ?? '?'}): ${err?.message ?? String(err)}` }),
      issues.length ? el('ul', { class: 'issues inline' }, issues.map((i) => issueItem(i, 'error', null))) : '',
    );
    return;
  }

  const r = outcome.value;
  const o = r.success === true ? 'success' : r.success === false ? 'failure' : 'unknown';
  box.dataset.outcome = o;
  const title = { success: t('resultSuccess'), failure: t('resultFailure'), unknown: t('resultUnknown') }[o];
  body.replaceChildren(
    el('div', { class: `badge ${o === 'success' ? 'ok' : o === 'failure' ? 'bad' : 'warn'}`, 'data-testid': 'result-title', text: title }),
    el(
      'dl',
      { class: 'kv' },
      kv('imp_uid', r.imp_uid, 'result-imp_uid'),
      kv('merchant_uid', r.merchant_uid, 'result-merchant_uid'),
      kv('success', r.success, 'result-success'),
      kv('status', r.status, 'result-status'),
      kv('paid_amount', typeof r.paid_amount === 'number' ? formatKRW(r.paid_amount) : r.paid_amount, 'result-paid_amount'),
      kv('pay_method', r.pay_method, 'result-pay_method'),
      kv('pg_provider', r.pg_provider, 'result-pg_provider'),
      kv('error_code', r.error_code, 'result-error_code'),
      kv('error_msg', r.error_msg, 'result-error_msg'),
    ),
    outcome.verdict ? verdictNode(outcome.verdict, { t, formatKRW, lang: lang() }) : '',
    verify,
    el('details', { class: 'raw' }, el('summary', { text: t('rawResponse') }), el('pre', { class: 'json', 'data-testid': 'result-json', text: JSON.stringify(r, null, 2) })),
  );
}

// ---------------------------------------------------------------------------------------------
// Wiring

function relabel() {
  applyI18n();
  renderCart();
  renderMethods();
  renderQuotaChips();
  syncDerived();
  updateMode();
  setPaying(ui.paying);
  if (sandbox) sandbox.configure({ lang: lang() });
  if (ui.lastResult) showOutcome(ui.lastResult);
  const note = $('[data-testid="sdk-fallback"]');
  if (!note.hidden) note.textContent = t('sdkFallback', { code: note.dataset.code ?? 'sdk_load_failed' });
  validate();
}

function init() {
  window.__iamportPayDemo = { sandbox: null, collectParams, checkOptions, get lastCheck() { return lastCheck; } };

  // A home for issues whose path has no field on the page.
  $('#check-status').after(el('ul', { class: 'issues other', id: 'other-issues', 'data-testid': 'issues-other' }));
  for (const f of $$('.field[data-path]')) {
    const ul = $('.issues', f);
    if (ul && !ul.dataset.testid) ul.setAttribute('data-testid', `issues-${f.dataset.path.split(' ')[0]}`);
  }

  $('#f-merchant_uid').value = newMerchantUid();
  applyI18n();
  renderCart();
  renderQuotaChips();
  renderPg();
  fillKcpFromCart();
  syncDerived();
  updateMode();

  const form = $('#checkout');
  form.addEventListener('input', (e) => {
    if (e.target.id === 'f-amount') ui.amountEdited = true;
    if (e.target.id === 'f-name') ui.nameEdited = true;
    if (e.target.id === 'f-userCode') {
      ui.sdkUnavailable = false;
      $('[data-testid="sdk-fallback"]').hidden = true;
      updateMode();
    }
    if (e.target.id === 'f-amount') syncDerived();
    validate();
  });
  form.addEventListener('change', (e) => {
    const tgt = e.target;
    if (tgt.name === 'pgId') {
      ui.pgId = tgt.value;
      renderPg();
    }
    if (tgt.id === 'f-pay_method' || tgt.id === 'f-escrow' || tgt.id === 'f-quota-on') renderConditional();
    if (tgt.id === 'f-mobile') {
      const r = $('#f-m_redirect_url');
      if (tgt.checked && r.value.trim() === '') r.value = REDIRECT_PAGE;
      if (!tgt.checked && r.value.trim() === REDIRECT_PAGE) r.value = '';
      updateMode();
    }
    validate();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  $('#amount-sync').addEventListener('click', () => {
    ui.amountEdited = false;
    syncDerived();
    validate();
  });
  $('#regen').addEventListener('click', newOrderNumber);
  $('#kcp-add').addEventListener('click', () => {
    $('#kcp-rows').append(kcpRow({ orderNumber: `${$('#f-merchant_uid').value.trim()}-${$$('#kcp-rows tr').length + 1}`, name: '', quantity: 1, amount: 0 }));
    renumberKcp();
    validate();
  });
  $('#kcp-fill').addEventListener('click', () => {
    fillKcpFromCart();
    validate();
  });
  $('#pay').addEventListener('click', pay);
  $('[data-testid="lang-toggle"]').addEventListener('click', () => {
    setLang(lang() === 'en' ? 'ko' : 'en');
    relabel();
  });
  $('#copy-json').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('#params-json').textContent);
      $('#copy-json').textContent = t('copied');
      setTimeout(() => ($('#copy-json').textContent = t('copy')), 1200);
    } catch {
      /* clipboard unavailable */
    }
  });

  if (!lib) {
    const box = $('[data-testid="load-error"]');
    box.hidden = false;
    box.textContent = `${t('loadError')} (${loadError && loadError.message ? loadError.message : loadError})`;
    setPaying(false);
    return;
  }
  ensureSandbox();
  setPaying(false);
  validate();
  document.body.dataset.ready = 'true';
}

init();
