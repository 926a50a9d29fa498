-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "via" TEXT;
