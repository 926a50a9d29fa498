-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "importedCreatedAt" TIMESTAMP(3),
ADD COLUMN     "importedModifiedAt" TIMESTAMP(3);
