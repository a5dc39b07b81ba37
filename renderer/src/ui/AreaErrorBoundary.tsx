import { Component, type ErrorInfo, type ReactNode } from 'react';

interface AreaErrorBoundaryProps {
  /** What the area is called for the author, e.g. "Flows outline", "Preview". */
  area: string;
  children: ReactNode;
  /** Class of the box the message is shown in, so it sits where the area was. */
  className?: string;
  /** Extra actions beside "Try again", e.g. closing the preview. */
  actions?: ReactNode;
}

interface AreaErrorBoundaryState {
  error: Error | null;
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/**
 * Keeps a failure inside one area of the window: the area says what went wrong and offers
 * "Try again"; the rest of the app keeps working. React only offers this as a class component.
 */
export class AreaErrorBoundary extends Component<AreaErrorBoundaryProps, AreaErrorBoundaryState> {
  override state: AreaErrorBoundaryState = { error: null };

  static getDerivedStateFromError(thrown: unknown): AreaErrorBoundaryState {
    return { error: asError(thrown) };
  }

  override componentDidCatch(thrown: unknown, info: ErrorInfo): void {
    console.error(`Stepwise: the ${this.props.area} area failed`, thrown, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={`area-error ${this.props.className ?? ''}`.trim()} role="alert">
        <strong>The {this.props.area} could not be shown.</strong>
        <p className="area-error-reason">{error.message || error.name}</p>
        <p className="muted small">Your document is unchanged; the rest of Stepwise still works.</p>
        <div className="area-error-actions">
          <button type="button" className="button small" onClick={this.retry}>
            Try again
          </button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}
