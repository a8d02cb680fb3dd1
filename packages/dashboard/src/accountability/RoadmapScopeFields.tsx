import { gql } from '@apollo/client';
import { MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { client } from '../graphql/client';

/** Whose roadmaps the Council's figures count: one region's, or one roadmap of it. */
export interface RoadmapScope {
  region?: string;
  roadmapId?: string;
}

const ROADMAPS = gql(`query ScopeRoadmaps {
  me { agencyId }
  roadmaps(first: 100) { edges { node { id title region } } }
}`);
const OWN_REGION = gql(`query OwnRegion($id: ID!) { agency(id: $id) { region } }`);

interface RoadmapChoice {
  id: string;
  title: string;
  region: string;
}

/**
 * The region and roadmap pickers of the Council's page. The first time, the region is the user's
 * own agency's (a Council's members follow their own region), so the page never silently mixes
 * every imported region's roadmaps.
 */
export function RoadmapScopeFields<S extends RoadmapScope>({
  scope,
  onChange,
}: {
  scope: S;
  onChange: (scope: S) => void;
}) {
  const translate = useTranslate();
  const [roadmaps, setRoadmaps] = useState<RoadmapChoice[]>([]);
  const [ownRegion, setOwnRegion] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    client
      .query<{ me: { agencyId: string | null }; roadmaps: { edges: { node: RoadmapChoice }[] } }>({
        query: ROADMAPS,
      })
      .then(async ({ data }) => {
        if (!current || !data) return;
        setRoadmaps(data.roadmaps.edges.map((e) => e.node));
        const id = data.me.agencyId;
        const own = id
          ? (
              await client.query<{ agency: { region: string } | null }>({
                query: OWN_REGION,
                variables: { id },
              })
            ).data?.agency?.region
          : null;
        if (current) setOwnRegion(own ?? null);
      })
      .catch(() => current && setOwnRegion(null));
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    if (ownRegion && scope.region === undefined) onChange({ ...scope, region: ownRegion });
  }, [ownRegion, scope, onChange]);
  const regions = [...new Set(roadmaps.map((r) => r.region))].sort();
  const ofRegion = roadmaps.filter((r) => !scope.region || r.region === scope.region);
  return (
    <>
      <TextField
        select
        size="small"
        name="region"
        label={translate('app.roadmap_scope.region')}
        value={scope.region ?? ''}
        onChange={(e) => onChange({ ...scope, region: e.target.value, roadmapId: undefined })}
        sx={{ minWidth: 200 }}
      >
        <MenuItem value="">{translate('app.roadmap_scope.all_regions')}</MenuItem>
        {regions.map((r) => (
          <MenuItem key={r} value={r}>
            {translate(`app.roadmap_scope.regions.${r}`, { _: r })}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        name="roadmapId"
        label={translate('app.roadmap_scope.roadmap')}
        value={scope.roadmapId ?? ''}
        onChange={(e) => onChange({ ...scope, roadmapId: e.target.value || undefined })}
        sx={{ minWidth: 280, maxWidth: 480 }}
      >
        <MenuItem value="">{translate('app.roadmap_scope.all_roadmaps')}</MenuItem>
        {ofRegion.map((r) => (
          <MenuItem key={r.id} value={r.id}>
            {r.title.length > 90 ? `${r.title.slice(0, 89)}…` : r.title}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}
