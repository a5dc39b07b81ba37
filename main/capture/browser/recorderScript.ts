/** The bundled in-page recorder; replaced at build time (see scripts/buildTimeTexts.mjs). */
declare const __STEPWISE_RECORDER_SCRIPT__: string;

/** The binding the recorder reports through; the init script takes it off window before any page script runs. */
export const RECORDER_BINDING = '__stepwiseRecord';

/**
 * An init script that starts the recorder in each document. The nonce is per session: a message
 * without it did not come from this script.
 */
export function recorderInitScript(nonce: string): string {
  return `(() => {
  const send = window[${JSON.stringify(RECORDER_BINDING)}];
  try { delete window[${JSON.stringify(RECORDER_BINDING)}]; } catch {}
  if (typeof send !== 'function') return;
  ${__STEPWISE_RECORDER_SCRIPT__};
  __stepwiseRecorder.startRecorder(send, ${JSON.stringify(nonce)});
})();`;
}
