// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenBoundary } from '../../renderer/src/components/ScreenBoundary.js';

afterEach(cleanup);

let broken = true;
function Flaky() {
  if (broken) throw new Error('render failed');
  return <p>screen content</p>;
}

describe('ScreenBoundary', () => {
  it('shows the fallback instead of a blank window, and retry renders the screen again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    render(
      <div>
        <nav>navigation stays</nav>
        <ScreenBoundary
          fallback={(retry) => (
            <button type="button" onClick={retry}>
              try again
            </button>
          )}
        >
          <Flaky />
        </ScreenBoundary>
      </div>,
    );
    expect(screen.getByText('navigation stays')).toBeTruthy();
    expect(screen.queryByText('screen content')).toBeNull();
    broken = false;
    fireEvent.click(screen.getByText('try again'));
    expect(screen.getByText('screen content')).toBeTruthy();
  });
});
