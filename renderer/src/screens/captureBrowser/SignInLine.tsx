import { useState } from 'react';
import type { SignInSummary } from '../../../../shared/model/captureBrowser';
import { timeAgo } from './relativeTime';

/** "app.example.com", "app.example.com and auth.example.com", "app.example.com and 2 more". */
export function sitesInWords(sites: string[]): string {
  if (sites.length === 0) return 'this project’s sites';
  if (sites.length <= 2) return sites.join(' and ');
  return `${sites[0]} and ${sites.length - 1} more`;
}

interface SignInLineProps {
  signIn: SignInSummary | null;
  /** Forgets the saved sign-in; resolves with a message when that failed. */
  onForget(): Promise<string | null>;
  /** In a live session (which saves the sign-in after each page load): say so. */
  live?: boolean;
}

/**
 * Whose sign-in the capture browser uses: "Signed in at app.example.com, saved 3 days ago" with
 * Forget (asked first), or how to get one. Stepwise keeps cookies and storage, never a password.
 */
export function SignInLine({ signIn, onForget, live = false }: SignInLineProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!signIn) {
    return (
      <p className="sign-in-line muted small" role="status">
        Not signed in: sign in here and Stepwise keeps the session for this project (never your password).
        {live ? ' It is kept as soon as you sign in.' : null}
      </p>
    );
  }
  const forget = async () => {
    setBusy(true);
    const failed = await onForget();
    setBusy(false);
    setProblem(failed);
    if (!failed) setAsking(false);
  };
  return (
    <div className="sign-in-line small" role="group" aria-label="Saved sign-in">
      <span role="status">
        Signed in at {sitesInWords(signIn.sites)}, saved {timeAgo(signIn.savedAt)}
      </span>
      {asking ? (
        <span className="sign-in-confirm">
          <span>Forget this sign-in? The next session starts signed out.</span>
          <button type="button" className="button small danger" disabled={busy} onClick={() => void forget()}>
            Forget sign-in
          </button>
          <button type="button" className="button small" disabled={busy} onClick={() => setAsking(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" className="button small subtle" onClick={() => setAsking(true)} title="Remove the cookies and storage Stepwise keeps for this project">
          Forget
        </button>
      )}
      {problem ? (
        <span className="form-error" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
