import { shell } from 'electron';

/** Opens a link in the user's browser, only for http(s): never file:, javascript: or custom schemes. */
export function openExternalWebLink(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}
