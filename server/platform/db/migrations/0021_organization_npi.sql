-- Care summaries identify the practice and its clinics by their organization NPI (Type 2), as
-- C-CDA R2.1 expects of a custodian and of the organizations performers belong to (issue 18).
-- Providers already carry theirs (providers.npi). Ten digits, as the NPPES issues them.
alter table practices add column npi text check (npi ~ '^[0-9]{10}$');
alter table clinics add column npi text check (npi ~ '^[0-9]{10}$');
