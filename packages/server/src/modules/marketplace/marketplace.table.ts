/** `requests`: a client's request for work, `open` until a proposal on it is accepted (`converted`). */
export interface RequestsTable {
  id: string;
  client_id: string;
  title: string;
  description: string;
  /** Minor units (cents), or null when the client gave none. */
  budget: number | null;
  status: 'open' | 'converted' | 'closed';
  created_at: string;
}

/** `proposals`: a provider's or agency's offer on a request. */
export interface ProposalsTable {
  id: string;
  request_id: string;
  provider_id: string;
  /** Minor units (cents). */
  price: number;
  currency: string;
  scope: string;
  deadline: string;
  expires_at: string;
  status: 'pending' | 'accepted' | 'rejected' | 'withdrawn';
  created_at: string;
}

/** `projects`: created only when a proposal is accepted; its terms are copied and locked. */
export interface ProjectsTable {
  id: string;
  request_id: string;
  proposal_id: string;
  client_id: string;
  provider_id: string;
  /** The agency id when the provider side is an agency. */
  agency_id: string | null;
  title: string;
  price: number;
  currency: string;
  scope: string;
  deadline: string;
  terms_locked_at: string;
  status: 'active' | 'completed' | 'cancelled';
  created_at: string;
  updated_at: string;
}

/** `project_members`: who belongs to a project (client, provider or agency, assigned workers). */
export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: 'client' | 'provider' | 'agency' | 'worker';
  added_at: string;
}
