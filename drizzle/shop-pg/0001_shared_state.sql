CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_counts" (
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp (3) with time zone NOT NULL,
	"last_status" integer NOT NULL,
	"last_reason" text NOT NULL,
	CONSTRAINT "notification_counts_kind_provider_pk" PRIMARY KEY("kind","provider")
);
--> statement-breakpoint
CREATE INDEX "limit_counters_updated_idx" ON "limit_counters" USING btree ("updated_at");