// Type test for `iamport-pay/redirect` (the landing page's entry): the same declarations as the
// main entry's, re-exported.
import { parseRedirect, takePendingOrder, IamportPayError, type PendingOrder, type RedirectResult } from 'iamport-pay/redirect';
import { IamportPayError as MainError } from 'iamport-pay';

const landed: RedirectResult = parseRedirect();
const order: PendingOrder | null = takePendingOrder(landed.merchant_uid);
const same: typeof MainError = IamportPayError;
// @ts-expect-error the redirect entry has no checkParams
import { checkParams } from 'iamport-pay/redirect';
export { landed, order, same, checkParams };
