import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageInput } from '../src/components/MessageInput.js';
import { paul, wen } from './support/factories.js';

function textbox(): HTMLElement {
  return screen.getByRole('textbox', { name: 'Message' });
}

describe('MessageInput', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the trimmed text with Enter and empties the box', async () => {
    const onSend = vi.fn();
    render(<MessageInput onSend={onSend} />);
    await userEvent.type(textbox(), '  Hello Paul  {Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello Paul');
    expect(textbox()).toHaveValue('');
  });

  it('inserts a line break with Shift+Enter instead of sending', async () => {
    const onSend = vi.fn();
    render(<MessageInput onSend={onSend} />);
    await userEvent.type(textbox(), 'Line one{Shift>}{Enter}{/Shift}Line two');
    expect(onSend).not.toHaveBeenCalled();
    expect(textbox()).toHaveValue('Line one\nLine two');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Line one\nLine two');
  });

  it('never sends blank text', async () => {
    const onSend = vi.fn();
    render(<MessageInput onSend={onSend} />);
    await userEvent.type(textbox(), '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('shows a character counter near the 5000 code point limit and refuses longer text', async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(<MessageInput onSend={onSend} />);
    await user.click(textbox());
    await user.paste('a'.repeat(4499));
    expect(screen.queryByText(/\/ 5000/)).not.toBeInTheDocument();

    await user.paste('😀');
    expect(screen.getByText('4500 / 5000 characters')).toBeInTheDocument();

    await user.paste('b'.repeat(501));
    expect(screen.getByText('1 character over the limit of 5000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(textbox()).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('is disabled with its reason when the conversation is read-only', () => {
    const reason = 'This project is completed; the conversation is read-only.';
    render(<MessageInput onSend={vi.fn()} disabledReason={reason} />);
    expect(textbox()).toBeDisabled();
    expect(textbox()).toHaveAccessibleDescription(reason);
    expect(screen.getByText(reason)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('notifies typing at most every 3 s, and stops on send or when emptied', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-21T12:00:00.000Z'), shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const onTyping = vi.fn();
    render(<MessageInput onSend={vi.fn()} onTyping={onTyping} />);

    await user.type(textbox(), 'Hel');
    expect(onTyping.mock.calls).toEqual([[true]]);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    await user.type(textbox(), 'lo');
    expect(onTyping.mock.calls).toEqual([[true]]);
    act(() => {
      vi.advanceTimersByTime(2500);
    });
    await user.type(textbox(), '!');
    expect(onTyping.mock.calls).toEqual([[true], [true]]);

    await user.clear(textbox());
    expect(onTyping.mock.calls).toEqual([[true], [true], [false]]);

    await user.type(textbox(), 'Again{Enter}');
    expect(onTyping.mock.calls).toEqual([[true], [true], [false], [true], [false]]);
  });

  describe('mention autocomplete', () => {
    const suggestions = () => screen.queryByRole('listbox', { name: 'Mention suggestions' });
    const optionNames = () => screen.getAllByRole('option').map((option) => option.textContent);

    it('lists the participants whose name matches the letters after @, case-insensitive, and inserts the picked one with Enter', async () => {
      const onSend = vi.fn();
      render(<MessageInput onSend={onSend} mentionable={[paul, wen]} />);
      await userEvent.type(textbox(), 'Thanks @');
      expect(suggestions()).not.toBeInTheDocument();
      await userEvent.type(textbox(), 'l');
      expect(optionNames()).toEqual(['Wen Li']);
      await userEvent.type(textbox(), '{Backspace}');
      await userEvent.type(textbox(), 'PA');
      expect(optionNames()).toEqual(['Paul Okafor']);
      await userEvent.type(textbox(), '{Enter}');
      expect(textbox()).toHaveValue('Thanks @Paul Okafor ');
      expect(suggestions()).not.toBeInTheDocument();
      expect(onSend).not.toHaveBeenCalled();
      await userEvent.type(textbox(), 'see you{Enter}');
      expect(onSend).toHaveBeenCalledExactlyOnceWith('Thanks @Paul Okafor see you');
    });

    it('moves with the arrow keys, picks with a click, and closes with Escape', async () => {
      const two = [paul, { ...wen, name: 'Pat Wen' }];
      render(<MessageInput onSend={vi.fn()} mentionable={two} />);
      await userEvent.type(textbox(), '@p');
      expect(screen.getByRole('option', { name: 'Paul Okafor' })).toHaveAttribute('aria-selected', 'true');
      await userEvent.type(textbox(), '{ArrowDown}');
      expect(screen.getByRole('option', { name: 'Pat Wen' })).toHaveAttribute('aria-selected', 'true');
      expect(textbox()).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: 'Pat Wen' }).id);
      await userEvent.type(textbox(), '{Enter}');
      expect(textbox()).toHaveValue('@Pat Wen ');

      await userEvent.type(textbox(), 'and @pa');
      await userEvent.type(textbox(), '{Escape}');
      expect(suggestions()).not.toBeInTheDocument();
      expect(textbox()).toHaveValue('@Pat Wen and @pa');

      await userEvent.type(textbox(), ' @o');
      await userEvent.click(screen.getByRole('option', { name: 'Paul Okafor' }));
      expect(textbox()).toHaveValue('@Pat Wen and @pa @Paul Okafor ');
    });

    it('suggests nothing inside an e-mail address', async () => {
      render(<MessageInput onSend={vi.fn()} mentionable={[paul]} />);
      await userEvent.type(textbox(), 'write to ana@pa');
      expect(suggestions()).not.toBeInTheDocument();
    });
  });
});
