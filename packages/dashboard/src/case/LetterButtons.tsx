import { Button, Stack } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../graphql/download';

/**
 * The letter to the person about a decision or a termination (issue 23: 001 §13), as the gateway
 * renders it from the record (`/letters/…`): Word to edit and sign, PDF to send as it is.
 */
export function LetterButtons({ path, name }: { path: string; name: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const download = (format: 'docx' | 'pdf') =>
    downloadFile(`${path}.${format}`, `${name}.${format}`).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
    );
  return (
    <Stack direction="row" gap={1} component="span">
      {(['docx', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          variant="text"
          onClick={() => void download(format)}
          aria-label={translate('case.letter.download', { name, format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Stack>
  );
}
