import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  Datagrid,
  FunctionField,
  List,
  required,
  SaveButton,
  SimpleForm,
  TextField,
  TextInput,
  Title,
  Toolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { ActionButton, runMutation } from '../actions/ActionDialog';
import { ListActions } from '../export/ListActions';
import { DateText, ENUMS, EnumText, enumChoices } from '../resources/common';
import { matchName, useAgencies } from './choices';

interface ClientRecord {
  id: string;
  name: string;
  agencyId: string;
  roles: string[];
  allowedOperations: string[] | null;
  revokedAt: string | null;
}
interface Issued {
  client: { id: string; name: string };
  token: string;
}

const CLIENT = 'id name agencyId roles allowedOperations createdAt rotatedAt revokedAt';

/**
 * The secret, once: it is shown here and nowhere else (only its hash is kept), so the dialog says
 * so and offers to copy it. Closing it forgets it.
 */
function SecretDialog({ issued, onClose }: { issued: Issued | null; onClose: () => void }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={issued !== null} onClose={onClose} aria-labelledby="secret-title" maxWidth="md" fullWidth>
      <DialogTitle id="secret-title">
        {translate('app.admin.secret_title', { name: issued?.client.name ?? '' })}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.admin.secret_once')}
        </Alert>
        <MuiTextField
          label={translate('app.admin.secret')}
          value={issued?.token ?? ''}
          fullWidth
          slotProps={{ input: { readOnly: true }, htmlInput: { 'data-testid': 'issued-secret' } }}
          onFocus={(e) => e.target.select()}
        />
        {copied && (
          <Typography role="status" sx={{ mt: 1 }}>
            {translate('app.admin.copied')}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<ContentCopyIcon />}
          onClick={() =>
            navigator.clipboard?.writeText(issued?.token ?? '').then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {translate('app.admin.copy')}
        </Button>
        <Button
          variant="contained"
          onClick={() => {
            setCopied(false);
            onClose();
          }}
        >
          {translate('app.admin.secret_saved')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Allowed operations are pasted as the query documents themselves, separated by a line of three
 * dashes; the gateway compares SHA-256 of the exact text, so it is hashed here, exactly as typed.
 * A 64-digit hash already at hand is kept as it is.
 */
export async function operationHashes(text: string | undefined): Promise<string[] | undefined> {
  const documents = (text ?? '')
    .split(/^---\s*$/m)
    .map((d) => d.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))
    .filter((d) => d.trim() !== '');
  if (documents.length === 0) return undefined;
  return Promise.all(
    documents.map(async (d) => {
      if (/^\s*[0-9a-f]{64}\s*$/.test(d)) return d.trim();
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(d));
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }),
  );
}

export function ApiClientCreate() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { choices } = useAgencies();
  const [issued, setIssued] = useState<Issued | null>(null);
  const submit = async (data: Record<string, unknown>) => {
    const allowedOperations = await operationHashes(data.operations as string | undefined);
    const answer = await runMutation<{ createApiClient: Issued }>(
      `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { ${CLIENT} } } }`,
      {
        input: {
          name: data.name,
          agencyId: data.agencyId,
          roles: data.roles ?? [],
          ...(allowedOperations ? { allowedOperations } : {}),
        },
      },
    );
    if (answer.data) {
      setIssued(answer.data.createApiClient);
      return undefined;
    }
    // react-admin puts these messages on their fields (the hashes are typed as `operations`), and
    // a message of no field in a notification.
    const fields = { ...(answer.fields ?? {}) };
    if (fields.allowedOperations) fields.operations = fields.allowedOperations;
    return Object.keys(fields).length ? fields : { root: { serverError: answer.message } };
  };
  return (
    <Card>
      <Title title={translate('app.admin.new_client')} />
      <CardContent>
        <Typography component="h2" variant="h5">
          {translate('app.admin.new_client')}
        </Typography>
      </CardContent>
      <SimpleForm
        onSubmit={submit}
        defaultValues={{ roles: [] }}
        toolbar={
          <Toolbar>
            <SaveButton label="app.admin.issue" />
          </Toolbar>
        }
      >
        <TextInput source="name" label="resources.apiClients.fields.name" validate={required()} fullWidth />
        <AutocompleteInput
          source="agencyId"
          label="resources.apiClients.fields.agencyId"
          choices={choices}
          matchSuggestion={matchName}
          validate={required()}
          fullWidth
        />
        <CheckboxGroupInput
          source="roles"
          label="resources.apiClients.fields.roles"
          choices={enumChoices(translate, 'Role', ENUMS.Role).filter(
            (c) => c.id !== 'ADMIN' && c.id !== 'AUDITOR',
          )}
          validate={required()}
          row={false}
        />
        <TextInput
          source="operations"
          label="resources.apiClients.fields.allowedOperations"
          helperText="app.admin.operations_help"
          multiline
          minRows={4}
          fullWidth
          sx={{ fontFamily: 'monospace' }}
        />
      </SimpleForm>
      <SecretDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          navigate('/apiClients');
        }}
      />
    </Card>
  );
}

function ClientActions() {
  const record = useRecordContext<ClientRecord>();
  const refresh = useRefresh();
  const [issued, setIssued] = useState<Issued | null>(null);
  if (!record || record.revokedAt) return null;
  return (
    <Stack direction="row" spacing={1}>
      <ActionButton
        label="app.admin.rotate"
        title="app.admin.rotate_title"
        text={record.name}
        onConfirm={async () => {
          const answer = await runMutation<{ rotateApiClientSecret: Issued }>(
            `mutation ($id: ID!) { rotateApiClientSecret(id: $id) { token client { ${CLIENT} } } }`,
            { id: record.id },
          );
          if (answer.data) setIssued(answer.data.rotateApiClientSecret);
          return answer;
        }}
        onDone={() => undefined}
      />
      <ActionButton
        label="app.admin.revoke"
        title="app.admin.revoke_title"
        text={record.name}
        color="error"
        onConfirm={() =>
          runMutation(`mutation ($id: ID!) { revokeApiClient(id: $id) { ${CLIENT} } }`, { id: record.id })
        }
      />
      <SecretDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          refresh();
        }}
      />
    </Stack>
  );
}

export function ApiClientList() {
  const translate = useTranslate();
  const { nameOf } = useAgencies();
  const operations = (r: ClientRecord) =>
    r.allowedOperations === null
      ? translate('app.admin.any_operation')
      : translate('app.admin.operations_count', { smart_count: r.allowedOperations.length });
  return (
    <List
      exporter={false}
      actions={
        <ListActions
          columns={[
            { source: 'name', label: translate('resources.apiClients.fields.name') },
            {
              source: 'agencyId',
              label: translate('resources.apiClients.fields.agencyId'),
              render: (r) => nameOf(r.agencyId),
            },
            { source: 'roles', label: translate('resources.apiClients.fields.roles'), enumName: 'Role' },
            {
              source: 'allowedOperations',
              label: translate('resources.apiClients.fields.allowedOperations'),
              render: (r) => operations(r as unknown as ClientRecord),
            },
            { source: 'createdAt', label: translate('resources.apiClients.fields.createdAt') },
            { source: 'rotatedAt', label: translate('resources.apiClients.fields.rotatedAt') },
            { source: 'revokedAt', label: translate('resources.apiClients.fields.revokedAt') },
          ]}
        />
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <FunctionField
          label="resources.apiClients.fields.agencyId"
          render={(r: ClientRecord) => nameOf(r.agencyId)}
        />
        <EnumText source="roles" enumName="Role" label="resources.apiClients.fields.roles" sortable={false} />
        <FunctionField label="resources.apiClients.fields.allowedOperations" render={operations} />
        <DateText source="createdAt" label="resources.apiClients.fields.createdAt" />
        <DateText source="rotatedAt" label="resources.apiClients.fields.rotatedAt" />
        <DateText source="revokedAt" label="resources.apiClients.fields.revokedAt" />
        <ClientActions />
      </Datagrid>
    </List>
  );
}
