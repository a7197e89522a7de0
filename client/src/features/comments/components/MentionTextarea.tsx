import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Member } from '@keyline/shared';
import { useMembers } from '../../users/hooks/useMembers';
import { insertMention, matchMembers, mentionQueryAt } from '../utils/mention-query';

/**
 * A plain-text box where typing `@` offers members from the directory:
 * ↑/↓ move through them, Enter or Tab picks one, Esc closes the list; the
 * pick is written into the text as `@Name`, which the server resolves.
 * Ctrl/⌘+Enter submits. The list is announced through aria-activedescendant
 * and a polite status line.
 */
export function MentionTextarea({
  id,
  label,
  value,
  onChange,
  onSubmit,
  placeholder,
  autoFocus,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const members = useMembers();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const mention = mentionQueryAt(value, caret);
  const query = mention?.query;
  const options = useMemo(
    () =>
      query === undefined
        ? []
        : matchMembers(
            (members.data ?? []).filter((m) => m.active),
            query,
          ),
    [query, members.data],
  );
  const open = mention !== null && options.length > 0 && dismissedAt !== mention.start;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    setCaret(pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);

  const pick = (member: Member) => {
    if (!mention) return;
    const next = insertMention(value, mention, member.name, caret);
    pendingCaret.current = next.caret;
    setActive(0);
    onChange(next.text);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
      return;
    }
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(options[activeIndex]!);
    } else if (e.key === 'Escape') {
      // Closes the list only, not the panel or dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(mention.start);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="mention-box">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        ref={ref}
        value={value}
        rows={3}
        maxLength={5000}
        placeholder={placeholder}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="meta mention-hint">
        Type @ to mention someone; they are notified. Ctrl+Enter posts.
      </p>
      {open && (
        <ul id={listId} role="listbox" aria-label="Members to mention" className="mention-list">
          {options.map((member, index) => (
            <li
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'active' : undefined}
              // Keep focus in the text box: the pick happens on mouse down.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(member);
              }}
            >
              @{member.name}
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {open
          ? `${options.length} member${options.length === 1 ? '' : 's'} match. Up and down to choose, Enter to pick.`
          : ''}
      </p>
    </div>
  );
}
