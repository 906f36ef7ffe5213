CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `limit_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `limit_counters_updated_idx` ON `limit_counters` (`updated_at`);--> statement-breakpoint
CREATE TABLE `notification_counts` (
	`kind` text NOT NULL,
	`provider` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`last_at` integer NOT NULL,
	`last_status` integer NOT NULL,
	`last_reason` text NOT NULL,
	PRIMARY KEY(`kind`, `provider`)
);
