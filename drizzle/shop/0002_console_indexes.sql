CREATE INDEX `payments_created_idx` ON `payments` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `payments_provider_status_created_idx` ON `payments` (`provider`,`status`,`created_at`);