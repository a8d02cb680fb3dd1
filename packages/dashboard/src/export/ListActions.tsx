import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ExportButtons } from './ExportButtons';
import type { Column } from './table';

/**
 * The toolbar of a list: filters, "create" where the resource has a form, and the shared CSV and
 * Excel export (react-admin's own exporter writes raw fields: ids, `__typename`, enum codes).
 */
export function ListActions({ columns, create = true }: { columns?: Column[]; create?: boolean }) {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {create && hasCreate && <CreateButton />}
      <ExportButtons columns={columns} />
    </TopToolbar>
  );
}
