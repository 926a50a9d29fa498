-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "revealAfterPosting" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "revealStaffNotes" BOOLEAN NOT NULL DEFAULT true;
