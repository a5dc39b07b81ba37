/**
 * Last line of defence for a long-running local server: an error nothing caught is logged and the
 * host keeps serving, so one bad request or a stray rejected promise cannot take the author's
 * unsaved work in the open browser tab down with it. Every request is already handled inside its
 * own error handling; this is for what slips past that.
 */
export function keepServingOnUnexpectedErrors(log: (message: string, error: unknown) => void = (message, error) => console.error(message, error)): void {
  process.on('uncaughtException', (error) => log('[stepwise] web host: unexpected error (still serving):', error));
  process.on('unhandledRejection', (reason) => log('[stepwise] web host: unhandled rejection (still serving):', reason));
}
