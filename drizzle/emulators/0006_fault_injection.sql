ALTER TABLE `control_overrides` ADD `charge` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `control_overrides` ADD `hold_seconds` integer;