/** Our own faults (never observations). Identify by `code`, never by message or `instanceof`. */
export const ErrorCode = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  USAGE_INVALID: 'USAGE_INVALID',
  INPUT_INVALID: 'INPUT_INVALID',
  PROBE_INTERNAL: 'PROBE_INTERNAL',
  QUEUE_PAYLOAD_INVALID: 'QUEUE_PAYLOAD_INVALID',
  QUEUE_UNAVAILABLE: 'QUEUE_UNAVAILABLE',
  SLACK_RATE_LIMITED: 'SLACK_RATE_LIMITED',
  SLACK_API_ERROR: 'SLACK_API_ERROR',
  PAGER_REJECTED: 'PAGER_REJECTED',
  PAGER_UNAVAILABLE: 'PAGER_UNAVAILABLE',
  REDIS_UNAVAILABLE: 'REDIS_UNAVAILABLE',
  LAB_START_FAILED: 'LAB_START_FAILED',
  GO_TOOL_FAILED: 'GO_TOOL_FAILED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Structured details must hold no secrets: they reach logs. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = Object.freeze({ ...options.details });
  }
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string'
    && Object.values(ErrorCode).includes(value.code as ErrorCode);
}
