import "server-only";

// Expected failures carry a code; the API maps it to an HTTP status and pages show the message.
export const errorStatus = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * A throttled request's limit and when it lifts; the API answers it as Retry-After and the
 * RateLimit-Limit/Remaining/Reset headers (lib/server/api/error-response.ts).
 */
export type RateLimit = { limit: number; remaining: number; resetAt: Date };

/** `message` is a key of the translation catalogue ("errors.notFound"), filled with `values`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly values?: Record<string, string | number>,
    readonly details?: unknown,
    readonly rateLimit?: RateLimit,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
