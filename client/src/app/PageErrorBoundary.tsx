import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A screen that fails to load (a chunk gone after a redeploy) or throws while
 * rendering shows what happened and a way on, inside the shell, instead of
 * blanking the whole app. Keyed by path in the shell, so navigating away resets it.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="page-error">
        <h1>This page couldn't be shown</h1>
        <p>{this.state.error.message}</p>
        <p>
          If Keyline was updated while this tab was open, reloading fetches the new version. The other screens stay in
          the menu above.
        </p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
