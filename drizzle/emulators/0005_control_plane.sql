CREATE TABLE `control_forced_payments` (
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`outcome` text,
	`decline_reason` text,
	`notification_mode` text,
	`notification_seconds` integer,
	`notification_count` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`provider`, `subject`)
);
--> statement-breakpoint
CREATE TABLE `control_overrides` (
	`provider` text PRIMARY KEY NOT NULL,
	`outcome` text,
	`decline_reason` text,
	`notification_mode` text,
	`notification_seconds` integer,
	`notification_count` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `reference` text;