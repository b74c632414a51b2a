// Mobile landing page (m_redirect_url): read the query with parseRedirect(), take the
// order stored before the payment window opened with takePendingOrder(), show both.
// The server still has to verify with GET /payments/{imp_uid}.

import { applyI18n, formatKRW, getLang, setLang, t } from './i18n.js';
import { verdictNode, verifyOnServer } from './verdict.js';

const $ = (sel) => document.querySelector(sel);

let lib = null;
let loadError = null;
try {
  // The landing page's own entry: a wasm with parseRedirect and takePendingOrder only.
  lib = await import('iamport-pay/redirect');
} catch (err) {
  loadError = err;
}

// Read once: takePendingOrder removes the stored order, and a language switch re-renders.
let parsed = null;
let parseError = null;
let order = null;
if (lib) {
  try {
    parsed = lib.parseRedirect();
  } catch (err) {
    parseError = err;
  }
  if (parsed && parsed.merchant_uid) order = lib.takePendingOrder(parsed.merchant_uid);
}

// The landing page proves nothing (anyone can open it): the server verifies the imp_uid.
let verdict = null;

function renderVerdict() {
  const box = $('#verdict-box');
  box.replaceChildren(verdict ? verdictNode(verdict, { t, formatKRW, lang: getLang() }) : '');
}

async function verify() {
  if (!parsed || !parsed.imp_uid || !parsed.merchant_uid) return;
  verdict = { state: 'pending' };
  renderVerdict();
  verdict = await verifyOnServer(parsed.imp_uid, parsed.merchant_uid);
  renderVerdict();
}

function row(dl, key, value, testid) {
  const dt = document.createElement('dt');
  dt.textContent = key;
  const dd = document.createElement('dd');
  dd.textContent = value === null ? 'null' : value === undefined ? '—' : String(value);
  if (testid) dd.dataset.testid = testid;
  dl.append(dt, dd);
}

function render() {
  applyI18n();
  renderVerdict();
  $('#query').textContent = location.search || '(empty)';
  const hero = $('[data-testid="redirect-outcome"]');
  const dl = $('#parsed');
  dl.replaceChildren();

  if (!lib) {
    const box = $('[data-testid="load-error"]');
    box.hidden = false;
    box.textContent = `${t('loadError')} (${loadError && loadError.message})`;
    return;
  }

  if (parseError) {
    hero.dataset.outcome = 'invalid';
    $('#mark').textContent = '!';
    $('#outcome-title').textContent = t('invalidRedirect');
    $('#outcome-sub').textContent = `${parseError.code ?? ''} ${parseError.message ?? parseError}`;
  } else {
    const o = parsed.success === true ? 'success' : parsed.success === false ? 'failure' : 'unknown';
    hero.dataset.outcome = o;
    $('#mark').textContent = o === 'success' ? '✓' : o === 'failure' ? '×' : '?';
    $('#outcome-title').textContent = t(o === 'success' ? 'resultSuccess' : o === 'failure' ? 'resultFailure' : 'resultUnknown');
    $('#outcome-sub').textContent = parsed.error_msg ?? parsed.merchant_uid;
    row(dl, 'imp_uid', parsed.imp_uid, 'redirect-imp_uid');
    row(dl, 'merchant_uid', parsed.merchant_uid, 'redirect-merchant_uid');
    row(dl, 'success', parsed.success, 'redirect-success');
    row(dl, 'error_code', parsed.error_code, 'redirect-error_code');
    row(dl, 'error_msg', parsed.error_msg, 'redirect-error_msg');
  }

  const box = $('#pending');
  box.replaceChildren();
  const card = $('[data-testid="pending-order"]');
  card.dataset.found = String(!!order);
  if (!order) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.dataset.testid = 'pending-none';
    p.textContent = t('pendingNone');
    box.append(p);
    return;
  }
  const odl = document.createElement('dl');
  odl.className = 'kv';
  row(odl, 'merchant_uid', order.merchant_uid, 'pending-merchant_uid');
  row(odl, 'name', order.name, 'pending-name');
  row(odl, 'amount', typeof order.amount === 'number' ? formatKRW(order.amount) : order.amount, 'pending-amount');
  row(odl, 'pg', order.pg, 'pending-pg');
  const created = typeof order.createdAt === 'number' ? new Date(order.createdAt) : null;
  row(odl, t('createdAt'), created && !Number.isNaN(created.getTime()) ? created.toLocaleString(getLang() === 'en' ? 'en-US' : 'ko-KR') : order.createdAt, 'pending-createdAt');
  if (order.customData !== undefined) row(odl, 'customData', JSON.stringify(order.customData), 'pending-customData');
  box.append(odl);
}

$('[data-testid="lang-toggle"]').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'ko' : 'en');
  render();
});

render();
await verify();
document.body.dataset.ready = 'true';
