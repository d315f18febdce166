import type { VerifyResponse } from '@motcua/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { api, upload } from './client.ts';

/** The public answer about a signed result (core's `verifyResponse`, via z.infer). */
export type Verification = VerifyResponse;

/** POST /api/v1/public/verify: checks an uploaded result PDF (multipart field "file"). */
export function useVerifyUpload() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return upload<Verification>('/api/v1/public/verify', form);
    },
  });
}

/** GET /api/v1/public/verify/:documentId: checks the stored copy the QR code points to. */
export function useVerifyDocument(documentId: string) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['verify', documentId, locale],
    queryFn: ({ signal }) =>
      api<Verification>(`/api/v1/public/verify/${encodeURIComponent(documentId)}`, { signal }),
    retry: false,
  });
}
