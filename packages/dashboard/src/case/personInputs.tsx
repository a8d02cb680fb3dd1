import { Box } from '@mui/material';
import { NumberInput, TextInput, useTranslate } from 'react-admin';
import { ENUMS, EnumInput } from '../resources/common';

const CATEGORIES = ['selfCare', 'movement', 'orientation', 'communication', 'learning', 'behaviourControl'];

/**
 * Degrees (0–3) of limitation in the basic categories of life (002 §2): a grant needs degree 2 or 3
 * in one of them, so a person registered without them could never be granted.
 */
export function LimitationInputs() {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Box component="legend" sx={{ fontWeight: 500, mb: 1 }}>
        {translate('case.person.limitations')}
      </Box>
      {CATEGORIES.map((c) => (
        <NumberInput
          key={c}
          source={`limitations.${c}`}
          label={`case.person.${c}`}
          min={0}
          max={3}
          step={1}
          sx={{ mr: 1, width: 200 }}
        />
      ))}
    </Box>
  );
}

/** A legal or authorised representative, when the person has one (001 §3 ж). */
export function RepresentativeInputs() {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Box component="legend" sx={{ fontWeight: 500, mb: 1 }}>
        {translate('case.person.representative')}
      </Box>
      <EnumInput
        source="representative.kind"
        label="case.person.rep_kind"
        enumName="RepresentativeKind"
        values={ENUMS.RepresentativeKind}
      />
      <TextInput source="representative.fullName" label="case.person.rep_name" fullWidth />
      <TextInput source="representative.identityDocument" label="case.person.rep_identity" fullWidth />
      <TextInput source="representative.authorityDocument" label="case.person.rep_authority" fullWidth />
    </Box>
  );
}

/** Empty groups are left out: an untouched representative is "none", not a half-filled one. */
export function withoutEmptyGroups(data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  const limitations = Object.fromEntries(
    Object.entries((data.limitations as Record<string, unknown>) ?? {}).filter(
      ([, v]) => v !== null && v !== '' && v !== undefined,
    ),
  );
  if (Object.keys(limitations).length > 0) out.limitations = limitations;
  else delete out.limitations;
  const rep = (data.representative as Record<string, unknown> | undefined) ?? {};
  if (!Object.values(rep).some((v) => v !== null && v !== undefined && v !== '')) delete out.representative;
  return out;
}
