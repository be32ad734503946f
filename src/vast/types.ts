/** Offer fields we read from `POST /api/v0/bundles/` (vast-api.md section 3). */
export interface Offer {
  id: number;
  machine_id?: number;
  host_id?: number;
  gpu_name: string;
  num_gpus: number;
  gpu_ram?: number;
  dph_total: number;
  reliability2?: number;
  reliability?: number;
  verification?: string;
  geolocation?: string;
  cuda_max_good?: number;
  inet_down?: number;
  disk_space?: number;
  direct_port_count?: number;
}

/** Instance fields we read from the v0 single GET and the v1 list (vast-api.md section 5). */
export interface Instance {
  id: number;
  label?: string | null;
  actual_status?: string | null;
  intended_status?: string | null;
  cur_state?: string | null;
  next_state?: string | null;
  status_msg?: string | null;
  ssh_host?: string | null;
  ssh_port?: number | null;
  public_ipaddr?: string | null;
  ports?: Record<string, { HostIp: string; HostPort: string }[]> | null;
  start_date?: number | null;
  dph_total?: number | null;
  gpu_name?: string | null;
  machine_id?: number | null;
}

export interface CurrentUser {
  id?: number;
  credit?: number;
  balance?: number;
  email?: string;
}

export type Operator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'notin';
export type Filter = Partial<Record<Operator, unknown>>;
