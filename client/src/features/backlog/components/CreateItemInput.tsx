import { useState, type FormEvent, type Ref } from 'react';
import { TitleSchema } from '@keyline/shared';

/** One line to add an item: type the title, press Enter; it lands at the bottom of the rank. */
export function CreateItemInput({
  onCreate,
  ref,
}: {
  onCreate: (title: string) => Promise<void>;
  ref?: Ref<HTMLInputElement>;
}) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = TitleSchema.safeParse(title);
    if (!parsed.success) {
      setError(
        parsed.error.issues[0]?.message === 'Required'
          ? 'Type a title first'
          : (parsed.error.issues[0]?.message ?? 'Not a valid title'),
      );
      return;
    }
    setBusy(true);
    try {
      await onCreate(parsed.data);
      setTitle('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not add the item');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bl-create" onSubmit={submit}>
      <label htmlFor="bl-create-input" className="sr-only">
        New item title
      </label>
      <span className="bl-create-plus" aria-hidden="true">
        +
      </span>
      <input
        id="bl-create-input"
        ref={ref}
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
        placeholder="Add an item: type a title and press Enter (C)"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'bl-create-error' : 'bl-create-hint'}
        maxLength={200}
        disabled={busy}
        autoComplete="off"
      />
      <span id="bl-create-hint" className="sr-only">
        New items go to the bottom of the backlog.
      </span>
      {error && (
        <span id="bl-create-error" role="alert" className="error-text bl-create-error">
          {error}
        </span>
      )}
    </form>
  );
}
