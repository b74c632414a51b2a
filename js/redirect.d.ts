// Types of `iamport-pay/redirect`: the m_redirect_url landing page's two functions, the same
// declarations as the main entry's.
export { parseRedirect, takePendingOrder, IamportPayError } from './index.js';
export type { RedirectResult, PendingOrder, IamportPayErrorCode } from './index.js';
