// The server half of the demo (examples/server, `npm run demo`): the server prices the order,
// the sandbox's payment is recorded in the server's fake PortOne (as PortOne would hold it),
// and POST /payments/complete runs client.verify. Served by scripts/serve.mjs (no API), the
// page says that no server verified the payment.

const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function post(path, body) {
  try {
    const res = await fetch(path, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
    const type = res.headers.get('content-type') ?? '';
    const json = type.includes('json') ? await res.json() : null;
    return { status: res.status, json };
  } catch (err) {
    return { status: 0, json: null, error: String(err && err.message ? err.message : err) };
  }
}

/**
 * Asks the server to price the order from its own catalog.
 * Returns { merchant_uid, amount, currency, portone: 'fake' | 'real' }, or null without a server.
 */
export async function priceOrder(merchantUid, lines) {
  if (typeof merchantUid !== 'string' || merchantUid === '') return null;
  const r = await post('/orders', { merchant_uid: merchantUid, lines });
  return r.status === 200 && r.json && typeof r.json.amount === 'number' ? r.json : null;
}

/**
 * Records what the sandbox window charged in the server's fake PortOne: the params it was
 * called with (amount, pay_method, currency) and its answer (imp_uid, status, vbank).
 */
export async function recordSandboxPayment(params, answer, provider) {
  if (!params || !answer || !answer.imp_uid) return false;
  const failed = answer.success === false || answer.error_code != null;
  const payMethod = typeof params.pay_method === 'string' ? params.pay_method : 'card';
  const body = {
    imp_uid: answer.imp_uid,
    merchant_uid: answer.merchant_uid ?? params.merchant_uid,
    amount: Number(params.amount),
    currency: typeof params.currency === 'string' ? params.currency : 'KRW',
    pay_method: payMethod,
    status: failed ? 'failed' : (answer.status ?? (payMethod === 'vbank' ? 'ready' : 'paid')),
    pg_provider: answer.pg_provider ?? provider ?? null,
    name: params.name ?? null,
    fail_reason: failed ? (answer.error_msg ?? null) : null,
    vbank_num: answer.vbank_num ?? null,
    vbank_name: answer.vbank_name ?? null,
    vbank_holder: answer.vbank_holder ?? null,
    vbank_date: answer.vbank_date ?? null,
  };
  const r = await post('/fake-portone/payments', body);
  return r.status === 200;
}

/** POST /payments/complete: { state: 'verified' | 'refused' | 'error' | 'none', ... }. */
export async function verifyOnServer(impUid, merchantUid) {
  const r = await post('/payments/complete', { imp_uid: impUid, merchant_uid: merchantUid });
  const j = r.json;
  if (r.status === 200 && j && j.verified === true) {
    return { state: 'verified', paymentState: j.state, amount: j.amount, imp_uid: j.imp_uid, merchant_uid: j.merchant_uid };
  }
  if (r.status === 200 && j && j.verified === false) {
    return { state: 'refused', reasons: j.reasons ?? [], orderAmount: j.order_amount, imp_uid: j.imp_uid, merchant_uid: j.merchant_uid };
  }
  if (r.status === 404 || r.status === 405 || r.status === 0) {
    if (r.json && r.json.error) return { state: 'error', message: r.json.error, status: r.status };
    return { state: 'none' };
  }
  return { state: 'error', message: (r.json && r.json.error) || `HTTP ${r.status}`, status: r.status };
}

/** The verdict box, `data-testid="server-verdict"`, `data-state` the verdict's state. */
export function verdictNode(verdict, { t, formatKRW, lang }) {
  const box = document.createElement('div');
  box.className = `verdict ${verdict.state}`;
  box.dataset.testid = 'server-verdict';
  box.dataset.state = verdict.state;
  const title = document.createElement('strong');
  title.dataset.testid = 'verdict-title';
  const key = { pending: 'verdictPending', verified: 'verdictOk', refused: 'verdictRefused', error: 'verdictError', none: 'verdictNone' }[verdict.state];
  title.textContent = t(key);
  box.append(title);
  if (verdict.state === 'verified') {
    const p = document.createElement('p');
    p.dataset.testid = 'verdict-detail';
    p.textContent = t('verdictOkDetail', { amount: formatKRW(verdict.amount), state: verdict.paymentState });
    box.append(p);
  }
  if (verdict.state === 'refused' && Array.isArray(verdict.reasons)) {
    const ul = document.createElement('ul');
    ul.dataset.testid = 'verdict-reasons';
    for (const r of verdict.reasons) {
      const li = document.createElement('li');
      li.dataset.code = r.code;
      li.dataset.field = r.field;
      li.textContent = lang === 'en' ? r.en : r.ko;
      ul.append(li);
    }
    box.append(ul);
  }
  if (verdict.state === 'error') {
    const p = document.createElement('p');
    p.dataset.testid = 'verdict-detail';
    p.textContent = verdict.message ?? '';
    box.append(p);
  }
  return box;
}
