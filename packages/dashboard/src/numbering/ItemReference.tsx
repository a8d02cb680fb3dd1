import { Typography } from '@mui/material';

/**
 * A roadmap item as lists show it: its measure, and under it the item's number with its roadmap
 * named (`RoadmapItem.reference`), since numbers like 2.1.2 repeat across roadmaps (issue 20).
 */
export function ItemReference({ item }: { item: { measure: string; reference: string } }) {
  return (
    <>
      {item.measure}
      <Typography component="span" variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
        {item.reference}
      </Typography>
    </>
  );
}
