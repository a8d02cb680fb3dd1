import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import { type Column, columnsOf, csvOf, type Table, tableOf } from './table';

/** Rows an export reads at most: a list beyond that is filtered before it is exported. */
const EXPORT_LIMIT = 5000;
const PAGE = 200;

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function xlsxOf(table: Table, sheet: string): Promise<Blob> {
  // Loaded on demand: the workbook writer is large and most visits never export.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.slice(0, 31));
  ws.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  ws.columns.forEach((column, i) => {
    const longest = Math.max(...[table.headers, ...table.rows].map((r) => (r[i] ?? '').length));
    column.width = Math.min(Math.max(longest + 2, 10), 60);
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/**
 * CSV and Excel downloads of what the list shows (its filters and order), for every list: the
 * columns come from the resource's Russian labels, or from `columns` where a list knows better.
 */
export function ExportButtons({ columns }: { columns?: Column[] }) {
  const { resource, filterValues, sort, total, defaultTitle } = useListContext();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const records: Record<string, unknown>[] = [];
      const pages = Math.ceil(Math.min(total ?? EXPORT_LIMIT, EXPORT_LIMIT) / PAGE);
      for (let page = 1; page <= Math.max(pages, 1); page += 1) {
        const { data } = await dataProvider.getList(resource, {
          filter: filterValues,
          sort,
          pagination: { page, perPage: PAGE },
        });
        records.push(...data);
        if (data.length < PAGE) break;
      }
      const table = tableOf(records, columns ?? columnsOf(resource, records, translate));
      const name = `${defaultTitle ?? resource}-${new Date().toISOString().slice(0, 10)}`;
      if (format === 'csv') save(new Blob([csvOf(table)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
      else save(await xlsxOf(table, defaultTitle ?? resource), `${name}.xlsx`);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={busy || !total}
        onClick={() => void run('csv')}
      >
        {translate('app.export.csv')}
      </Button>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={busy || !total}
        onClick={() => void run('xlsx')}
      >
        {translate('app.export.xlsx')}
      </Button>
    </>
  );
}
