// The data of an area page: the bodies of /areas/{code}, /children and /daily as of one date.
// The server builds it for the first render (area-bodies.ts); the browser fetches it
// (lib/client/area-view.ts) under the same query key.
import type { AreaResponse, ChildrenResponse, DailyResponse } from './area-schemas';

export interface AreaViewData {
  area: AreaResponse;
  children: ChildrenResponse;
  daily: DailyResponse;
}
