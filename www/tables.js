// GENERATED from src/tables.rs: do not edit. Regenerate with `UPDATE_TABLES=1 cargo test --test tables`.
// The library's tables for the demo page (www/app.js).

/** Every `pay_method` code (src/request.rs), in table order, and its labels [ko, en]. */
export const PAY_METHODS = {
  card: ['신용카드', 'Credit card'],
  trans: ['실시간 계좌이체', 'Bank transfer'],
  vbank: ['가상계좌', 'Virtual account'],
  phone: ['휴대폰 소액결제', 'Mobile phone billing'],
  applepay: ['애플페이', 'Apple Pay'],
  naverpay: ['네이버페이', 'Naver Pay'],
  samsungpay: ['삼성페이', 'Samsung Pay'],
  samsung: ['삼성페이', 'Samsung Pay'],
  kpay: ['KPay 앱', 'KPay app'],
  kakaopay: ['카카오페이', 'KakaoPay'],
  payco: ['페이코', 'PAYCO'],
  lpay: ['L페이', 'L.PAY'],
  ssgpay: ['SSG페이', 'SSG Pay'],
  tosspay: ['토스페이', 'Toss Pay'],
  chai: ['차이페이', 'CHAI'],
  cultureland: ['컬쳐랜드 문화상품권', 'Cultureland gift card'],
  smartculture: ['스마트문상', 'Smart Culture gift card'],
  happymoney: ['해피머니 문화상품권', 'Happy Money gift card'],
  culturegift: ['문화상품권', 'Culture gift card'],
  booknlife: ['도서문화상품권', 'Book & Life gift card'],
  point: ['베네피아 포인트', 'Benepia points'],
  wechat: ['위쳇페이', 'WeChat Pay'],
  alipay: ['알리페이', 'Alipay'],
  unionpay: ['유니온페이', 'UnionPay'],
  pinpay: ['핀페이', 'PINPAY'],
  ssgpay_bank: ['SSG 은행계좌', 'SSG bank account'],
  skpay: ['11Pay', '11Pay'],
  naverpay_card: ['네이버페이 - 카드', 'Naver Pay (card)'],
  naverpay_bridge: ['네이버페이 (카드/포인트)', 'Naver Pay (card/points)'],
  naverpay_point: ['네이버페이 - 포인트', 'Naver Pay (points)'],
  paypal: ['페이팔', 'PayPal'],
  toss_brandpay: ['토스페이먼츠 브랜드페이', 'Toss Payments BrandPay'],
  tosspay_card: ['토스페이 - 카드', 'Toss Pay (card)'],
  tosspay_money: ['토스페이 - 머니', 'Toss Pay (money)'],
};

/** The pay methods each checked provider takes (src/rules/<pg>.rs). */
export const PAY_METHODS_BY_PROVIDER = {
  html5_inicis: ['card', 'trans', 'vbank', 'phone', 'applepay', 'naverpay', 'samsung', 'kakaopay', 'payco', 'lpay', 'ssgpay', 'tosspay', 'cultureland', 'smartculture', 'happymoney', 'booknlife'],
  inicis: ['card', 'trans', 'vbank', 'phone', 'applepay', 'naverpay', 'samsung', 'kakaopay', 'payco', 'lpay', 'ssgpay', 'tosspay', 'cultureland', 'smartculture', 'happymoney', 'booknlife'],
  kcp: ['card', 'trans', 'vbank', 'phone', 'applepay', 'naverpay', 'samsung', 'kakaopay', 'payco', 'lpay', 'ssgpay', 'tosspay', 'cultureland', 'smartculture', 'happymoney', 'booknlife', 'point', 'naverpay_bridge'],
  kcp_billing: ['card'],
  ksnet: ['card', 'trans', 'vbank', 'phone', 'naverpay', 'kakaopay', 'payco', 'lpay', 'ssgpay'],
  daou: ['card', 'trans', 'vbank', 'phone', 'applepay', 'naverpay', 'samsung', 'kakaopay', 'payco', 'cultureland', 'smartculture', 'booknlife'],
};
