import { useCallback, useEffect, useState } from 'react';
import type { SignInSummary } from '../../../../shared/model/captureBrowser';
import { useApp } from '../../app/appContext';
import { describeError } from '../../app/projectSession';

/**
 * The project's saved sign-in as the host reports it (signIn.status), and Forget. `known` stays
 * false while asking, and when the host has no sign-ins at all (Electron), so nothing is claimed.
 */
export function useSignInStatus(projectId: string | undefined) {
  const { client } = useApp();
  const [signIn, setSignIn] = useState<SignInSummary | null>(null);
  const [known, setKnown] = useState(false);

  useEffect(() => {
    if (!projectId) return;
    let current = true;
    client.call('signIn.status', { projectId }).then(
      (answer) => {
        if (!current) return;
        setSignIn(answer.signIn);
        setKnown(true);
      },
      () => current && setKnown(false),
    );
    return () => {
      current = false;
    };
  }, [client, projectId]);

  const forget = useCallback(async (): Promise<string | null> => {
    if (!projectId) return null;
    try {
      await client.call('signIn.forget', { projectId });
      setSignIn(null);
      return null;
    } catch (error) {
      return describeError(error);
    }
  }, [client, projectId]);

  return { signIn, known, forget };
}
