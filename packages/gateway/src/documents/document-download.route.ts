import type { Express } from 'express';
import { sendGraphFile } from '../evidence/evidence-download.route.js';

const QUERY = `query CaseDocumentDownload($id: ID!) {
  caseDocument(id: $id) { id displayName: fileName mediaType contentBase64 }
}`;

/**
 * `GET /documents/:id`: a file of a person's case, downloaded by those who may read the case (the
 * social subgraph decides, and writes each download to the audit log). Uploads go through the
 * graph itself (`uploadCaseDocument`, base64 within MAX_BODY_BYTES): one validated mutation with
 * its field errors, its audit and its transaction, rather than a second upload path at the edge.
 */
export function mountDocumentDownload(app: Express) {
  app.get('/documents/:id', (req, res) => sendGraphFile(req, res, 'CaseDocumentDownload', QUERY));
}
