CREATE TABLE `emulator_clock` (
	`id` integer PRIMARY KEY NOT NULL,
	`offset_ms` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signing_secret_rotations` (
	`provider` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`previous` text NOT NULL,
	`previous_valid_until` integer NOT NULL,
	`merchant_switched` integer DEFAULT false NOT NULL,
	`rotated_at` integer NOT NULL
);
