import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type RefObject } from 'react';
import { useForm, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { focusFirstInvalid } from '../components/FormFields';
import { serverFieldErrors } from './form-validation';

type ZodSchema = Parameters<typeof zodResolver>[0];

/**
 * A form judged by one of the shared zod schemas, the one the server
 * validates with. The fields hold text as typed (`Draft`); `toInput` turns
 * it into the request shape the schema checks, and a valid submit hands
 * over the schema's output. Errors are re-checked on submit only, so a
 * message stays until the user tries again.
 */
export function useSchemaForm<Draft extends FieldValues, Input>(options: {
  defaultValues: Draft;
  schema: ZodSchema;
  toInput: (draft: Draft) => unknown;
  /** What to say for a field left blank, where that reads better than the schema's message ("Type a team name"). */
  blank?: Partial<Record<keyof Draft & string, string>>;
}): UseFormReturn<Draft, unknown, Input> {
  const judge = zodResolver(options.schema) as unknown as Resolver<FieldValues, unknown, Input>;
  const resolver: Resolver<Draft, unknown, Input> = async (values, context, resolverOptions) => {
    const result = await judge(options.toInput(values) as FieldValues, context, resolverOptions as never);
    const blanks = Object.entries(options.blank ?? {}).filter(([field]) => String(values[field] ?? '').trim() === '');
    if (blanks.length === 0) return result as never;
    const errors = { ...result.errors } as Record<string, unknown>;
    for (const [field, message] of blanks) errors[field] = { type: 'blank', message };
    return { values: {}, errors } as never;
  };
  return useForm<Draft, unknown, Input>({
    defaultValues: options.defaultValues as never,
    resolver,
    reValidateMode: 'onSubmit',
    // Focus goes to the first field marked invalid, whoever marked it (schema or server).
    shouldFocusError: false,
  });
}

/** Shows field messages under their fields and moves focus to the first, for keyboard users. */
export function showFieldErrors<Draft extends FieldValues>(
  form: UseFormReturn<Draft, unknown, unknown>,
  formRef: RefObject<HTMLFormElement | null>,
  errors: Partial<Record<string, string>>,
): void {
  for (const [field, message] of Object.entries(errors))
    if (message) form.setError(field as Path<Draft>, { type: 'server', message });
  focusFirstInvalid(formRef.current);
}

/** The server's field messages (rules the schema cannot see: "Already in use", "No such team"). */
export const showServerErrors = <Draft extends FieldValues>(
  form: UseFormReturn<Draft, unknown, unknown>,
  formRef: RefObject<HTMLFormElement | null>,
  error: unknown,
) => showFieldErrors(form, formRef, serverFieldErrors(error));

/**
 * Saving an edit at the version the user saw, with what a 412 needs: the
 * changes kept, so "Use mine" can send them again at the current version.
 */
export function useVersionedSave<Changes, Saved>(
  mutate: (
    variables: { id: string; version: number; changes: Changes },
    callbacks: { onSuccess: (saved: Saved) => void; onError: (error: unknown) => void },
  ) => void,
  callbacks: { onSuccess: (saved: Saved) => void; onError: (error: unknown) => void },
) {
  const [pendingChanges, setPendingChanges] = useState<Changes>({} as Changes);
  const save = (id: string, version: number, changes: Changes) => {
    setPendingChanges(changes);
    mutate({ id, version, changes }, callbacks);
  };
  return { save, pendingChanges };
}
