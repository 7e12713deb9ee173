import { data } from 'react-router';
import type { ErrorPayload } from '../lib/request.server.ts';

export function loader() {
  throw data<ErrorPayload>({ messageKey: 'errors.404.body' }, { status: 404 });
}

export function action() {
  throw data<ErrorPayload>({ messageKey: 'errors.404.body' }, { status: 404 });
}

export default function NotFound() {
  return null;
}
