import { gql } from '@apollo/client';
import { Alert, Box, FormControlLabel, FormHelperText, Radio, RadioGroup } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { FormDataConsumer, required, useInput, useTranslate } from 'react-admin';
import { client } from '../../graphql/client';
import { toHttpError } from '../../graphql/errors';

export interface Questionnaire {
  source: string;
  levels: string[];
  items: { code: string; category: string; text: string; points: number[] }[];
  bands: {
    degree: string;
    minScore: number;
    maxScore: number;
    service: { name: string; hours: { min: number; max: number; per: string } };
  }[];
}

const QUESTIONNAIRE = gql`
  {
    assessmentQuestionnaire {
      source
      levels
      items { code category text points }
      bands { degree minScore maxScore service { name hours { min max per } } }
    }
  }
`;

/** The form keeps one value per item under `answers.<code>`: the level of help, as text. */
export const ANSWERS = 'answers';

/** The form's answers as the mutation takes them (`[{ item, level }]`); the total is the server's. */
export function answersOf(values: Record<string, unknown>): { item: string; level: number }[] {
  const answers = (values[ANSWERS] ?? {}) as Record<string, string | undefined>;
  return Object.entries(answers)
    .filter(([, level]) => level !== undefined && level !== '')
    .map(([item, level]) => ({ item, level: Number(level) }));
}

function useQuestionnaire(): { questionnaire: Questionnaire | null; error: string | null } {
  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    client
      .query<{ assessmentQuestionnaire: Questionnaire }>({ query: QUESTIONNAIRE })
      .then((r) => current && setQuestionnaire(r.data?.assessmentQuestionnaire ?? null))
      .catch((e: unknown) => current && setError(toHttpError(e).message));
    return () => {
      current = false;
    };
  }, []);
  return { questionnaire, error };
}

/** One item: a radio group named by its question, each answer with its points. */
function ItemInput({ item, levels }: { item: Questionnaire['items'][number]; levels: string[] }) {
  const translate = useTranslate();
  const labelId = useId();
  const { field, fieldState } = useInput({ source: `${ANSWERS}.${item.code}`, validate: required() });
  const error = fieldState.error?.message;
  return (
    <Box sx={{ mb: 1 }}>
      <Box id={labelId} sx={{ fontWeight: 500 }}>
        {item.text}
      </Box>
      <RadioGroup
        row
        aria-labelledby={labelId}
        name={field.name}
        value={field.value ?? ''}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
      >
        {levels.map((level, i) => (
          <FormControlLabel
            key={level}
            value={String(i)}
            control={<Radio size="small" inputProps={{ 'aria-invalid': Boolean(error) }} />}
            label={translate('case.questionnaire.option', { level, points: item.points[i] })}
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText error>{translate(error, { _: error })}</FormHelperText>}
    </Box>
  );
}

/** The running total and the band it falls in, said as the assessor answers (a polite live region). */
function Total({
  questionnaire,
  answers,
}: {
  questionnaire: Questionnaire;
  answers: Record<string, string | undefined>;
}) {
  const translate = useTranslate();
  const chosen = questionnaire.items.filter((i) => answers[i.code] !== undefined && answers[i.code] !== '');
  const total = chosen.reduce((sum, i) => sum + (i.points[Number(answers[i.code])] ?? 0), 0);
  const complete = chosen.length === questionnaire.items.length;
  const band = questionnaire.bands.find((b) => total >= b.minScore && total <= b.maxScore);
  return (
    // Kept in sight above the questions while the dialog scrolls.
    <Alert
      severity={complete ? 'info' : 'warning'}
      role="status"
      aria-live="polite"
      sx={{ my: 1, position: 'sticky', top: 0, zIndex: 1 }}
    >
      {complete && band
        ? translate('case.questionnaire.total', {
            total,
            degree: translate(`enums.AutonomyDegree.${band.degree}`),
            service: band.service.name,
            min: band.service.hours.min,
            max: band.service.hours.max,
            per: translate(`enums.HoursPer.${band.service.hours.per}`),
          })
        : translate('case.questionnaire.partial', {
            answered: chosen.length,
            count: questionnaire.items.length,
            total,
          })}
    </Alert>
  );
}

/**
 * The assessment questionnaire (order 606н): every item asked, grouped by life category, with the
 * total and its band computed as the assessor answers. The server computes the total again from
 * the answers; the form never sends one.
 */
export function QuestionnaireInputs() {
  const translate = useTranslate();
  const { questionnaire, error } = useQuestionnaire();
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!questionnaire) return <p>{translate('ra.page.loading')}</p>;
  const categories = [...new Set(questionnaire.items.map((i) => i.category))];
  return (
    <Box>
      <FormDataConsumer<Record<string, unknown>>>
        {({ formData }) => (
          <Total
            questionnaire={questionnaire}
            answers={(formData[ANSWERS] ?? {}) as Record<string, string | undefined>}
          />
        )}
      </FormDataConsumer>
      {categories.map((category) => (
        <Box component="fieldset" key={category} sx={{ border: 0, p: 0, m: 0, mb: 2 }}>
          <Box component="legend" sx={{ fontSize: 16, fontWeight: 600, textTransform: 'capitalize' }}>
            {category}
          </Box>
          {questionnaire.items
            .filter((i) => i.category === category)
            .map((item) => (
              <ItemInput key={item.code} item={item} levels={questionnaire.levels} />
            ))}
        </Box>
      ))}
      <FormHelperText>{questionnaire.source}</FormHelperText>
    </Box>
  );
}

export interface KeptAnswer {
  category: string;
  question: string;
  levelLabel: string;
  points: number;
}

/** The answers an assessment was scored on, folded under their count (a native, keyboard-ready disclosure). */
export function AnswersDetails({ answers }: { answers: KeptAnswer[] | null }) {
  const translate = useTranslate();
  if (!answers) return <>{translate('case.questionnaire.not_kept')}</>;
  return (
    <details>
      <summary>{translate('case.questionnaire.answers', { count: answers.length })}</summary>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {answers.map((a) => (
          <li key={a.question}>
            {a.question}: {a.levelLabel} — {a.points}
          </li>
        ))}
      </Box>
    </details>
  );
}
