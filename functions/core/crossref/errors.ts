/** Errors the deposit renderer throws: only for caller bugs (bad batch parameters, nothing to deposit). */

export class CrossrefDepositError extends Error {
  override readonly name = 'CrossrefDepositError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
