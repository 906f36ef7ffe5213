CREATE TABLE `control_forced_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`scope_kind` text DEFAULT 'any' NOT NULL,
	`scope_value` text DEFAULT '' NOT NULL,
	`outcome` text,
	`decline_reason` text,
	`notification_mode` text,
	`notification_seconds` integer,
	`notification_count` integer,
	`charge` integer DEFAULT false NOT NULL,
	`hold_seconds` integer,
	`set_by` text DEFAULT 'unknown' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `control_forced_outcomes_scope` ON `control_forced_outcomes` (`provider`,`scope_kind`,`scope_value`);--> statement-breakpoint
DROP TABLE `control_overrides`;