import { gql } from '@apollo/client';
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { formatSnils } from '../../case/format';
import { client } from '../../graphql/client';

/** One choice of a picker: what the person reads; the id stays in the form's value. */
export interface Choice {
  id: string;
  label: string;
  detail?: string;
}

/**
 * A list of ids chosen by typing: each keystroke (after a pause) asks the server, never a list
 * loaded whole and filtered here. The chosen entries keep their labels, so nobody sees an id.
 */
function SearchPicker({
  source,
  label,
  hint,
  search,
  minLength,
}: {
  source: string;
  label: string;
  hint: string;
  search: (text: string) => Promise<Choice[]>;
  minLength: number;
}) {
  const translate = useTranslate();
  const { field, fieldState, id } = useInput({ source, defaultValue: [] });
  const [chosen, setChosen] = useState<Choice[]>([]);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Choice[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (text.trim().length < minLength) {
      setOptions([]);
      return;
    }
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      search(text.trim())
        .then((found) => current && setOptions(found))
        .catch(() => current && setOptions([]))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, search, minLength]);
  const error = fieldState.error?.message;
  return (
    <Autocomplete
      multiple
      id={id}
      sx={{ mb: 2, minWidth: 0 }}
      fullWidth
      options={options}
      value={chosen}
      loading={loading}
      filterOptions={(x) => x}
      filterSelectedOptions
      getOptionLabel={(o) => (o.detail ? `${o.label} · ${o.detail}` : o.label)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={translate(text.trim().length < minLength ? hint : 'app.council_pickers.nothing_found')}
      loadingText={translate('ra.page.loading')}
      onInputChange={(_e, value, reason) => {
        if (reason === 'input') setText(value);
        if (reason === 'reset' || reason === 'clear') setText('');
      }}
      onChange={(_e, value) => {
        setChosen(value);
        field.onChange(value.map((v) => v.id));
      }}
      onBlur={field.onBlur}
      // A measure's long name wraps inside its chip instead of widening the form past the screen.
      slotProps={{
        chip: { sx: { height: 'auto', py: 0.5, '& .MuiChip-label': { whiteSpace: 'normal' } } },
      }}
      renderOption={(props, o) => {
        const { key: _key, ...rest } = props as typeof props & { key?: string };
        return (
          <Box component="li" {...rest} key={o.id} sx={{ display: 'block !important' }}>
            <Typography component="span" sx={{ display: 'block' }}>
              {o.label}
            </Typography>
            {o.detail && (
              <Typography component="span" variant="body2" sx={{ display: 'block', color: 'text.secondary' }}>
                {o.detail}
              </Typography>
            )}
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={source}
          variant="filled"
          label={translate(label)}
          error={Boolean(error)}
          helperText={error ? translate(error, { _: error }) : translate(hint)}
        />
      )}
    />
  );
}

interface Person {
  id: string;
  fullName: string;
  snils: string;
}

const BY_NAME = gql`
  query DecisionPeopleByName($name: String!) {
    peopleByName(name: $name) { id fullName snils }
  }
`;
const BY_SNILS = gql`
  query DecisionPeopleBySnils($snils: String!) {
    recipients(first: 5, filter: { snils: $snils }) { edges { node { id fullName snils } } }
  }
`;

async function searchPeople(text: string): Promise<Choice[]> {
  const digits = text.replace(/[\s-]/g, '');
  const people = /^\d{11}$/.test(digits)
    ? (
        await client.query<{ recipients: { edges: { node: Person }[] } }>({
          query: BY_SNILS,
          variables: { snils: digits },
        })
      ).data?.recipients.edges.map((e) => e.node)
    : (await client.query<{ peopleByName: Person[] }>({ query: BY_NAME, variables: { name: text } })).data
        ?.peopleByName;
  return (people ?? []).map((p) => ({
    id: p.id,
    label: p.fullName,
    detail: `СНИЛС ${formatSnils(p.snils)}`,
  }));
}

/** The people a decision names: by surname (or the whole СНИЛС), shown with their СНИЛС. */
export function PeoplePicker({ source = 'recipientIds' }: { source?: string }) {
  return (
    <SearchPicker
      source={source}
      label="resources.councilDecisions.fields.recipientIds"
      hint="app.council_pickers.person_hint"
      search={searchPeople}
      minLength={2}
    />
  );
}

const ITEMS = gql`
  query DecisionItems($region: String, $search: String) {
    roadmapItems(region: $region, search: $search, first: 20) {
      edges { node { id number measure roadmap { title } } }
    }
  }
`;

const shorten = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/**
 * Measures of every roadmap of the meeting's region (a decision may follow up an earlier one), found
 * on the server by their number (2, 1.3) or words; each shown with its roadmap's title.
 */
export function RoadmapItemPicker({ region, source = 'itemIds' }: { region: string; source?: string }) {
  const search = useCallback(
    async (text: string): Promise<Choice[]> => {
      const result = await client.query<{
        roadmapItems: {
          edges: {
            node: { id: string; number: string | null; measure: string; roadmap: { title: string } };
          }[];
        };
      }>({ query: ITEMS, variables: { region, search: text } });
      return (result.data?.roadmapItems.edges ?? []).map(({ node }) => ({
        id: node.id,
        label: shorten([node.number, node.measure].filter(Boolean).join(' '), 140),
        detail: shorten(node.roadmap.title, 100),
      }));
    },
    [region],
  );
  return (
    <SearchPicker
      source={source}
      label="resources.councilDecisions.fields.itemIds"
      hint="app.council_pickers.item_hint"
      search={search}
      minLength={1}
    />
  );
}
