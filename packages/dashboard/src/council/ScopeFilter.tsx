import { MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { RoadmapScopeFields } from '../accountability/RoadmapScopeFields';
import { client } from '../graphql/client';
import { type CouncilScope, loadMunicipalities } from './councilData';

/**
 * The Council page for the region or one municipality, today or as of a past day: the same
 * `indicators` query the brief uses, with its `municipality` and `asOf`.
 */
export function ScopeFilter({
  scope,
  onChange,
}: {
  scope: CouncilScope;
  onChange: (scope: CouncilScope) => void;
}) {
  const translate = useTranslate();
  const [municipalities, setMunicipalities] = useState<string[]>([]);
  useEffect(() => {
    loadMunicipalities(client).then(setMunicipalities, () => setMunicipalities([]));
  }, []);
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }}>
      <RoadmapScopeFields scope={scope} onChange={onChange} />
      <TextField
        select
        size="small"
        name="municipality"
        label={translate('app.council_scope.municipality')}
        value={scope.municipality ?? ''}
        onChange={(e) => onChange({ ...scope, municipality: e.target.value || undefined })}
        sx={{ minWidth: 280 }}
      >
        <MenuItem value="">{translate('app.council_scope.region')}</MenuItem>
        {municipalities.map((m) => (
          <MenuItem key={m} value={m}>
            {m}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        size="small"
        name="asOf"
        label={translate('app.council_scope.as_of')}
        value={scope.asOf ?? ''}
        onChange={(e) => onChange({ ...scope, asOf: e.target.value || undefined })}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
}
