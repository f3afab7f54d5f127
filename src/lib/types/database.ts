// Hand-written stand-in in the shape `supabase gen types typescript` produces; replace with generated types.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	__InternalSupabase: {
		PostgrestVersion: '12';
	};
	public: {
		Tables: {
			municipalities: {
				Row: {
					nis: string;
					name_nl: string;
					name_fr: string | null;
					province_nis: string | null;
					province_nl: string | null;
					province_fr: string | null;
					region: string;
					arrondissement_nis: string | null;
					population_2020: number | null;
					lat: number | null;
					lng: number | null;
					valid_from: string;
					valid_to: string | null;
					merged_into: string | null;
				};
				Insert: {
					nis: string;
					name_nl: string;
					name_fr?: string | null;
					province_nis?: string | null;
					province_nl?: string | null;
					province_fr?: string | null;
					region: string;
					arrondissement_nis?: string | null;
					population_2020?: number | null;
					lat?: number | null;
					lng?: number | null;
					valid_from: string;
					valid_to?: string | null;
					merged_into?: string | null;
				};
				Update: {
					nis?: string;
					name_nl?: string;
					name_fr?: string | null;
					province_nis?: string | null;
					province_nl?: string | null;
					province_fr?: string | null;
					region?: string;
					arrondissement_nis?: string | null;
					population_2020?: number | null;
					lat?: number | null;
					lng?: number | null;
					valid_from?: string;
					valid_to?: string | null;
					merged_into?: string | null;
				};
				Relationships: [
					{
						foreignKeyName: 'municipalities_merged_into_fkey';
						columns: ['merged_into'];
						isOneToOne: false;
						referencedRelation: 'municipalities';
						referencedColumns: ['nis'];
					}
				];
			};
			profiles: {
				Row: {
					id: string;
					display_name: string;
					personas: string[];
					municipality_nis: string | null;
					bio: string | null;
					visibility: string;
					created_at: string;
					updated_at: string;
				};
				Insert: {
					id: string;
					display_name: string;
					personas?: string[];
					municipality_nis?: string | null;
					bio?: string | null;
					visibility?: string;
					created_at?: string;
					updated_at?: string;
				};
				Update: {
					id?: string;
					display_name?: string;
					personas?: string[];
					municipality_nis?: string | null;
					bio?: string | null;
					visibility?: string;
					created_at?: string;
					updated_at?: string;
				};
				Relationships: [
					{
						foreignKeyName: 'profiles_municipality_nis_fkey';
						columns: ['municipality_nis'];
						isOneToOne: false;
						referencedRelation: 'municipalities';
						referencedColumns: ['nis'];
					}
				];
			};
		};
		Views: {
			current_municipalities: {
				Row: {
					nis: string | null;
					name_nl: string | null;
					name_fr: string | null;
					province_nl: string | null;
					region: string | null;
					lat: number | null;
					lng: number | null;
				};
				Relationships: [];
			};
		};
		Functions: {
			[_ in never]: never;
		};
		Enums: {
			[_ in never]: never;
		};
		CompositeTypes: {
			[_ in never]: never;
		};
	};
};

type PublicSchema = Database['public'];

export type Tables<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Row'];
export type TablesInsert<T extends keyof PublicSchema['Tables']> =
	PublicSchema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof PublicSchema['Tables']> =
	PublicSchema['Tables'][T]['Update'];
export type Views<T extends keyof PublicSchema['Views']> = PublicSchema['Views'][T]['Row'];
