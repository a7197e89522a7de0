import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refreshAllItemViews } from '../../../lib/query-keys';
import type { ImportMapping, ImportResult } from '@keyline/shared';
import { useRef, useState } from 'react';
import type { ApiError } from '../../../lib/api';
import { uploadImport, type ImportMode } from '../api/imports.api';

interface Run {
  file: File;
  mode: ImportMode;
  mapping?: ImportMapping;
}

/**
 * The import flow's server state: the latest preview of the chosen file
 * (re-run whenever the mapping changes; an older answer never overwrites a
 * newer one) and the outcome of applying it.
 */
export function useImport() {
  const client = useQueryClient();
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const latest = useRef<AbortController | null>(null);

  const run = useMutation<ImportResult, ApiError, Run>({
    mutationFn: ({ file, mode, mapping }) => {
      latest.current?.abort();
      const controller = new AbortController();
      latest.current = controller;
      return uploadImport(file, mode, mapping, controller.signal);
    },
    onSuccess: (result) => {
      if (result.applied) {
        setApplied(result);
        setPreview(null);
        // Every cached view of backlog items, and every score, is stale now.
        void refreshAllItemViews(client);
      } else {
        setPreview(result);
      }
    },
  });

  return {
    preview,
    applied,
    error: run.error && run.error.name !== 'AbortError' ? run.error : null,
    pending: run.isPending,
    pendingMode: run.isPending ? run.variables?.mode : undefined,
    previewFile: (file: File, mapping?: ImportMapping) => {
      setApplied(null);
      run.mutate({ file, mode: 'preview', mapping });
    },
    applyFile: (file: File, mapping: ImportMapping) => run.mutate({ file, mode: 'apply', mapping }),
    reset: () => {
      latest.current?.abort();
      setPreview(null);
      setApplied(null);
      run.reset();
    },
  };
}
