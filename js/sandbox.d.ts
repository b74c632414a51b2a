// Type declarations for `iamport-pay/sandbox`: a fake `window.IMP` for offline
// development and end-to-end tests. No real payment is ever made.

import type { IamportSdk, PaymentResponse, PortOneProvider, RequestPayParams } from './index.js';

/** How the sandbox answers one request. */
export type SandboxAnswerKind = 'approve' | 'fail' | 'cancel';

export interface SandboxOptions {
  /**
   * Answer like a mobile browser: navigate to `m_redirect_url` with the result in the query
   * instead of calling the callback. Default false (PC: callback).
   */
  mobile?: boolean;
  /**
   * Put the deprecated `success` flag in callback responses and `imp_success` in redirect
   * queries (default true, as most PGs still send them). `false` answers like the newest SDK,
   * which sends neither (js-sdk.mdx).
   */
  includeSuccess?: boolean;
  /** PG to assume when the params carry only a `channelKey` that `channels` does not know. */
  provider?: PortOneProvider | null;
  /** `channelKey` → PG, so channel-key requests get that PG's window and response shape. */
  channels?: Record<string, PortOneProvider>;
  /** Language of the sandbox dialog (default `ko`). */
  lang?: 'ko' | 'en';
  /** Replaces `window.location.assign` for redirect answers (for tests without navigation). */
  navigate?: ((url: string) => void) | null;
  /** The global object to install `IMP` on (default `window`, else `globalThis`). */
  window?: object;
}

/** Per-answer options of the scripted answers. */
export interface SandboxAnswerOptions {
  /** Answer this request by redirecting (true) or by callback (false), whatever `mobile` says. */
  redirect?: boolean;
}

/** What the sandbox puts where the real SDK would. */
export type SandboxResponse = PaymentResponse;

/** The fake `IMP` object. */
export interface SandboxIMP {
  readonly __sandbox: true;
  init(userCode: string): void;
  agency(userCode: string, tierCode: string): void;
  request_pay(params: RequestPayParams, callback?: (response: PaymentResponse) => void): void;
}

/**
 * A `window` whose `IMP` may be the sandbox or PortOne's SDK: `'__sandbox' in w.IMP` tells
 * them apart. Read it with `(window as Window & SandboxWindow).IMP`.
 */
export interface SandboxWindow {
  IMP?: SandboxIMP | IamportSdk;
}

export interface SandboxController {
  /** Params of every `request_pay` call, oldest first (deep copies of what was passed). */
  readonly calls: RequestPayParams[];
  /** Every response the sandbox produced, oldest first (callback objects or redirect contents). */
  readonly responses: SandboxResponse[];
  /** The last `IMP.init` / `IMP.agency` user code, or null. */
  readonly userCode: string | null;
  readonly tierCode: string | null;
  /** Redirect mode for answers without a per-answer override. */
  mobile: boolean;
  /** Whether the payment dialog is open. */
  readonly open: boolean;
  /** The next `request_pay` is approved at once, without a dialog. */
  approveNext(options?: SandboxAnswerOptions): SandboxController;
  /** The next `request_pay` fails at once with this PG code and message (defaults: `SANDBOX_FAIL`). */
  failNext(code?: string, msg?: string, options?: SandboxAnswerOptions): SandboxController;
  /** The next `request_pay` is cancelled at once, as if the buyer closed the window. */
  cancelNext(options?: SandboxAnswerOptions): SandboxController;
  /** Answers the open dialog as if that button was pressed; false when no dialog is open. */
  answerOpen(kind: SandboxAnswerKind): boolean;
  /** Changes options; `channels` are merged. */
  configure(options: SandboxOptions): SandboxController;
  /** Closes any dialog and restores the `window.IMP` that was there before. */
  uninstall(): void;
}

/**
 * Installs the sandbox as `window.IMP` and returns its controller. Installing again returns the
 * same controller with the new options applied.
 */
export declare function installSandbox(options?: SandboxOptions): SandboxController;

/** The installed sandbox's controller, or null. */
export declare function getSandbox(options?: { window?: object }): SandboxController | null;

/** A fresh `imp_` + 12 digits id. */
export declare function sandboxImpUid(): `imp_${string}`;

/**
 * `m_redirect_url` plus the query PortOne appends: `imp_uid`, `merchant_uid`, `imp_success`
 * (when `answer.success` is set) and, on failure, `error_code` and `error_msg`.
 */
export declare function sandboxRedirectUrl(
  mRedirectUrl: string | URL,
  answer: Pick<PaymentResponse, 'imp_uid' | 'merchant_uid' | 'success' | 'error_code' | 'error_msg'>,
  base?: string | URL,
): string;

/** Default code and message of a failed sandbox payment. */
export declare const SANDBOX_FAIL: Readonly<{ code: string; msg: string }>;
/** Default code and message of a cancelled sandbox payment. */
export declare const SANDBOX_CANCEL: Readonly<{ code: string; msg: string }>;
